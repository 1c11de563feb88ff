// Handing an audit over on both engines (SQLite and a real PostgreSQL): the
// audit and its later revision move to the receiving key with the same rows
// and the same record; each refusal (no such audit, no such key, a revoked
// key, the owner itself) changes nothing on either; afterwards the previous
// owner's bundle of the audit is refused on both; on PostgreSQL the write
// logs a change, the app's replica shows the new owner after an incremental
// refresh, `fairsite hq handover --db URL` hands it back, and HQ mode's
// operation (hq.handover, as the audit page calls it) does it on the server
// and its screens show the new owner at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../electron/cli/main';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import { openCore } from '../../../electron/core/core';
import { chooseRole } from '../../../electron/core/install-role';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import type { Hq, HqFolder } from '../../../electron/core/hq/context';
import { openPgAppHq } from '../../../electron/core/hq/engine/app-hq';
import { pgStoreOf } from '../../../electron/core/hq/engine/open';
import { listHqAudits } from '../../../electron/core/hq/read/audits';
import { listHandovers } from '../../../electron/core/hq/read/handovers';
import { loadSigningKey } from '../../../electron/core/keys/signing-key';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { reopenAudit } from '../../../electron/core/store/repos/lifecycle';
import type { Core } from '../../../electron/core/core';
import type { Db } from '../../../electron/core/store/db';
import { hqReadOps } from '../../../shared/contract/hq-read-ops';
import { AppError } from '../../../shared/errors';
import { enrolLaptop, makeHq } from '../bundle/hq';
import { makeLaptop, type Laptop } from '../bundle/laptop';
import { saveResponse } from '../../../electron/core/store/repos/responses';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { enrolInput, HQ_PASSPHRASE, makePgHq, queryOf, type Query } from './pg-hq';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

const fpOf = (core: Core) => loadSigningKey(core).fingerprint.replace(/ /g, '');

/** What a hand-over writes, on either engine (its time aside). */
async function ownership(q: Query): Promise<unknown> {
  return {
    owners: await q('SELECT audit_id, fingerprint FROM audit_owners ORDER BY audit_id'),
    handovers: await q('SELECT audit_id, from_fingerprint, to_fingerprint, reason FROM handovers ORDER BY audit_id, at'),
  };
}

/** The audits HQ's lists show for one auditor, read with the screens' own function. */
function auditsOf(db: Db, auditorId: string): string[] {
  const input = hqReadOps['hq.audits'].input.parse({ filter: { includeSuperseded: true, auditorId }, page: { limit: 200 } });
  return listHqAudits(db, input, '2030-01-01').rows.map((r) => r.auditId).sort();
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; key?: string }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return { code: (e as AppError).code, key: (e as AppError).text?.key };
  }
  throw new Error('the hand-over was not refused');
}

/** One new event on this audit: a text answer changed. */
function changeAnswerOf(core: Core, auditId: string, text: string): void {
  const r = core.db.prepare(`SELECT item_id FROM responses WHERE audit_id = ? AND value LIKE '%"kind":"text"%' ORDER BY item_id LIMIT 1`).get(auditId) as { item_id: string };
  saveResponse(core, { auditId, itemId: r.item_id, value: { kind: 'text', text }, note: '', severity: null, zeroTolerance: false });
}

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} as NodeJS.ProcessEnv });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.skipIf(!!skip)('handing an audit over, on SQLite and on PostgreSQL', () => {
  let root: string;
  let server: PgServer;
  let url: string;
  let asha: Laptop;
  let ben: Laptop;
  let carl: Laptop;
  let lite: Hq;
  let pg: HqFolder;
  let app: Hq;
  let rev1: string;
  let rev2: string;
  const files: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-handover-'));
    server = await startPg();
    url = await createDatabase(server, 'handover');
    asha = await makeLaptop('Asha Rao', 'AUD-001', root);
    ben = await makeLaptop('Ben Okafor', 'AUD-002', root);
    carl = await makeLaptop('Carl Mendes', 'AUD-003', root);
    // Asha's finalized audit, then its revision 2 (reopened: a new audit naming it as previous).
    rev1 = asha.auditIds[1]!;
    const out = (n: string) => join(root, `${n}.fsb`);
    await exportBundle(asha.core, { out: out('a1'), recipient: null });
    rev2 = reopenAudit(asha.core, rev1).id;
    await exportBundle(asha.core, { out: out('a2'), recipient: null, full: true });
    await exportBundle(ben.core, { out: out('b1'), recipient: null });
    files.push(out('a1'), out('a2'), out('b1'));

    lite = await makeHq(root);
    pg = await makePgHq(root, url);
    for (const l of [asha, ben, carl]) {
      enrolLaptop(lite, l.core);
      await pg.store.enrol(enrolInput(l.core));
    }
    // Carl's key is revoked on both: nothing may be handed over to it.
    await lite.store.revoke(fpOf(carl.core));
    await pg.store.revoke(fpOf(carl.core));
    for (const f of files) {
      expect((await importBundleFile(lite, f)).status).toBe('imported');
      expect((await importBundleFile(pg, f)).status).toBe('imported');
    }
    app = await openPgAppHq(mkdtempSync(join(root, 'fs-app-')), passphraseBox(HQ_PASSPHRASE), url, { intervalMs: 3_600_000 });
    await app.replica!.refresh();
    expect(app.replica!.status().error).toBeNull();
  }, 240_000);

  afterAll(async () => {
    app?.close();
    lite?.close();
    await pg?.store.close();
    for (const l of [asha, ben, carl]) l?.core.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const changes = async () => (await pgStoreOf(pg)!.pool.query('SELECT kind, audit_ids FROM hq_change ORDER BY seq')).rows as Array<{ kind: string; audit_ids: string[] }>;

  it('refusals change nothing, on either engine', async () => {
    const before = { lite: await ownership(queryOf(lite)), pg: await ownership(queryOf(pg)), log: await changes() };
    expect(before.pg).toEqual(before.lite);
    for (const hq of [lite, pg]) {
      const to = fpOf(ben.core);
      expect(await refusal(hq.store.handOver({ auditId: '01900000-0000-7000-8000-000000000000', toFingerprint: to, reason: 'r' }))).toEqual({ code: 'not_found', key: 'hqAdmin.noAudit' });
      expect(await refusal(hq.store.handOver({ auditId: rev1, toFingerprint: 'ab'.repeat(32), reason: 'r' }))).toEqual({ code: 'not_found', key: 'hqAdmin.noKey' });
      expect(await refusal(hq.store.handOver({ auditId: rev1, toFingerprint: fpOf(carl.core), reason: 'r' }))).toEqual({ code: 'conflict', key: 'hqAdmin.revokedKey' });
      expect(await refusal(hq.store.handOver({ auditId: rev1, toFingerprint: fpOf(asha.core), reason: 'r' }))).toEqual({ code: 'conflict', key: 'hqAdmin.sameKey' });
    }
    expect(await ownership(queryOf(lite))).toEqual(before.lite);
    expect(await ownership(queryOf(pg))).toEqual(before.pg);
    expect(await changes()).toEqual(before.log);
  });

  it('moves the audit and its later revision with the same rows on both engines; the replica follows incrementally', async () => {
    const input = { auditId: rev1, toFingerprint: fpOf(ben.core), reason: 'Asha moved to another region' };
    const a = await lite.store.handOver(input);
    const b = await pg.store.handOver(input);
    expect({ ...b, at: '' }).toEqual({ ...a, at: '' });
    expect(a).toMatchObject({ auditId: rev1, from: fpOf(asha.core), to: fpOf(ben.core) });
    const want = await ownership(queryOf(lite));
    expect(await ownership(queryOf(pg))).toEqual(want);
    expect((want as { handovers: unknown[] }).handovers).toEqual([rev1, rev2].sort().map((id) => ({ audit_id: id, from_fingerprint: fpOf(asha.core), to_fingerprint: fpOf(ben.core), reason: input.reason })));
    expect((await changes()).at(-1)).toEqual({ kind: 'handover', audit_ids: [rev1, rev2].sort() });

    // The replica, as HQ mode's screens read it, before and after its refresh.
    expect(auditsOf(app.db, 'AUD-002')).not.toContain(rev1);
    expect(await app.replica!.refresh()).toMatchObject({ full: false, changes: 1, audits: 2 });
    expect(auditsOf(app.db, 'AUD-002')).toEqual(auditsOf(lite.db, 'AUD-002'));
    expect(auditsOf(app.db, 'AUD-002')).toEqual(expect.arrayContaining([rev1, rev2]));
    expect(auditsOf(app.db, 'AUD-001')).toEqual(auditsOf(lite.db, 'AUD-001'));
    expect(await ownership(async (sql) => app.db.prepare(sql).all())).toEqual(want);
  });

  it("the previous owner's next bundle of the audit is refused on both engines", async () => {
    changeAnswerOf(asha.core, rev2, 'after the hand-over');
    const file = join(root, 'a3.fsb');
    await exportBundle(asha.core, { out: file, recipient: null });
    for (const hq of [lite, pg]) expect(await importBundleFile(hq, file)).toMatchObject({ status: 'rejected', reason: 'foreign_audit' });
  });

  it('fairsite hq handover --db hands it back on PostgreSQL, and the replica shows it', async () => {
    const bad = await cli(['hq', 'handover', '--data', pg.paths.dir, '--db', url, '--audit', rev1, '--to', fpOf(carl.core), '--reason', 'back']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/That key was revoked; an audit cannot be handed over to it\. Nothing was changed\./);
    const h = await cli(['hq', 'handover', '--data', pg.paths.dir, '--db', url, '--audit', rev1, '--to', fpOf(asha.core), '--reason', 'Asha is back']);
    expect(h.code, h.err).toBe(0);
    expect(h.out).toMatch(new RegExp(`Audit ${rev1} handed over from key ${fpOf(ben.core).slice(0, 16)}… to key ${fpOf(asha.core).slice(0, 16)}…`));
    await lite.store.handOver({ auditId: rev1, toFingerprint: fpOf(asha.core), reason: 'Asha is back' });
    expect(await app.replica!.refresh()).toMatchObject({ full: false, changes: 1 });
    expect(auditsOf(app.db, 'AUD-001')).toEqual(expect.arrayContaining([rev1, rev2]));
    expect(await ownership(async (sql) => app.db.prepare(sql).all())).toEqual(await ownership(queryOf(lite)));
    // Her bundle refused a moment ago is accepted now, on both.
    for (const hq of [lite, pg]) expect((await importBundleFile(hq, join(root, 'a3.fsb'))).status).toBe('imported');
  });

  it("HQ mode's hq.handover on PostgreSQL writes on the server and the screens show the new owner", async () => {
    const core = await openCore({ dataDir: join(root, 'install'), secretBox: passphraseBox('install-passphrase') });
    try {
      chooseRole(core, 'hq');
      const call = createDispatch(handlers, core);
      expect(await call('hq.setDatabase', { url, password: '' })).toMatchObject({ ok: true, value: { engine: 'postgres', error: null } });
      expect(await call('hq.audit', { auditId: rev1 })).toMatchObject({ ok: true, value: { header: { auditorId: 'AUD-001' } } });
      const refused = await call('hq.handover', { auditId: rev1, toFingerprint: fpOf(carl.core), reason: 'no' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', text: { key: 'hqAdmin.revokedKey' } } });
      const done = await call('hq.handover', { auditId: rev1, toFingerprint: fpOf(ben.core), reason: 'Ben takes the site' });
      expect(done).toMatchObject({ ok: true, value: { auditId: rev1, from: fpOf(asha.core), to: fpOf(ben.core) } });
      // No refresh asked for: the operation's own refresh brought it.
      for (const id of [rev1, rev2]) expect(await call('hq.audit', { auditId: id })).toMatchObject({ ok: true, value: { header: { auditorId: 'AUD-002', auditorName: 'Ben Okafor' } } });
      expect((await pgStoreOf(pg)!.pool.query('SELECT fingerprint FROM audit_owners WHERE audit_id = $1', [rev1])).rows).toEqual([{ fingerprint: fpOf(ben.core) }]);
    } finally {
      core.close();
    }
  });

  it('hq.handovers lists the same hand-overs, newest first, on both engines (PostgreSQL: the replica the screens read)', async () => {
    // The hand-over HQ mode made on the server above, made on SQLite too.
    await lite.store.handOver({ auditId: rev1, toFingerprint: fpOf(ben.core), reason: 'Ben takes the site' });
    await app.replica!.refresh();
    const noTime = (l: Array<{ at: string }>) => l.map((h) => ({ ...h, at: '' }));
    const newestFirst = (l: Array<{ at: string }>) => expect(l.map((h) => h.at)).toEqual(l.map((h) => h.at).sort().reverse());
    for (const auditId of [rev1, rev2, undefined]) {
      const input = hqReadOps['hq.handovers'].input.parse({ auditId });
      const lites = listHandovers(lite.db, input);
      const pgs = listHandovers(app.db, input);
      newestFirst(lites);
      newestFirst(pgs);
      expect(noTime(pgs)).toEqual(noTime(lites));
      // One entry per hand-over, named by the audit handed over (rev1), though rev2 moved with it.
      expect(lites.map((h) => [h.auditId, h.from.name, h.to.name, h.reason])).toEqual([
        [rev1, 'Asha Rao', 'Ben Okafor', 'Ben takes the site'],
        [rev1, 'Ben Okafor', 'Asha Rao', 'Asha is back'],
        [rev1, 'Asha Rao', 'Ben Okafor', 'Asha moved to another region'],
      ]);
    }
    // Through HQ mode's operation on PostgreSQL, as the audit view calls it.
    const core = await openCore({ dataDir: join(root, 'install'), secretBox: passphraseBox('install-passphrase') });
    try {
      const r = await createDispatch(handlers, core)('hq.handovers', { auditId: rev2 });
      expect(r.ok).toBe(true);
      const list = (r as { value: Array<{ at: string }> }).value;
      expect(noTime(list)).toEqual(noTime(listHandovers(lite.db, hqReadOps['hq.handovers'].input.parse({ auditId: rev2 }))));
    } finally {
      core.close();
    }
    // An audit never handed over has none, on both.
    const other = hqReadOps['hq.handovers'].input.parse({ auditId: ben.auditIds[1] });
    expect(listHandovers(app.db, other)).toEqual([]);
    expect(listHandovers(lite.db, other)).toEqual([]);
  });
});
