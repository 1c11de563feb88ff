// Closure evidence files into an HQ on a real PostgreSQL: the same bundles
// as on SQLite (made by the laptop's export code) end in the same evidence
// rows on the server and the same files in HQ's folder; an incremental
// bundle brings only the new file; one whose file was left out is refused
// with nothing written, on the server or in the folder.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLaptop, type Laptop } from '../bundle/laptop';
import { enrolLaptop, makeHq, snapshot } from '../bundle/hq';
import { forge, readParts } from '../bundle/forge';
import { createDatabase, pgUnavailable, startPg, type PgServer } from '../hq-pg/pg-server';
import { cycleStateOf, enrolInput, makePgHq, queryOf, stateOf } from '../hq-pg/pg-hq';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import { markAcked } from '../../../electron/core/sync/outbox-store';
import { loadSigningKey } from '../../../electron/core/keys/signing-key';
import { addClosureEvidence, listTracks } from '../../../electron/core/followup/tracks';
import { hqClosureFile } from '../../../electron/core/hq/store-files';
import type { HqFolder } from '../../../electron/core/hq/context';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);
const today = () => new Date().toISOString().slice(0, 10);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.skipIf(!!skip)('closure evidence files into HQ on PostgreSQL', () => {
  let root: string;
  let server: PgServer;
  let laptop: Laptop;
  const open: HqFolder[] = [];
  const files: string[] = [];
  const first = Buffer.from('%PDF-1.4\n% payslips of March, sent by the site\n');
  const second = Buffer.from('%PDF-1.4\n% payslips of April, sent by the site\n');

  async function pgHq(name: string): Promise<HqFolder> {
    const hq = await makePgHq(root, await createDatabase(server, name));
    await hq.store.enrol(enrolInput(laptop.core));
    open.push(hq);
    return hq;
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-closure-pg-'));
    server = await startPg();
    laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
    const auditId = (laptop.core.db.prepare("SELECT id FROM audits WHERE status = 'finalized' AND kind = 'full'").get() as { id: string }).id;
    const actionId = listTracks(laptop.core, auditId).find((t) => t.status === 'open')!.actionId;
    const add = (name: string, data: Buffer) => addClosureEvidence(laptop.core, {
      actionId, name, mediaType: 'application/pdf', data: data.toString('base64'), source: 'site_sent', receivedAt: today(), description: 'By email',
    });
    add('payslips-march.pdf', first);
    for (const [i, next] of [second, null].entries()) {
      const out = join(root, `pg-closure-${i}.fsb`);
      const r = await exportBundle(laptop.core, { out, recipient: null });
      markAcked(laptop.core.db, r.bundleId);
      files.push(out);
      if (next) add('payslips-april.pdf', next);
    }
  }, 180_000);

  afterAll(async () => {
    for (const hq of open) await hq.store.close();
    laptop?.core.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('imports the files and their records as SQLite does; the incremental bundle carries only the new file', async () => {
    const carried = await Promise.all(files.map(async (f) => [...(await readParts(f)).files.keys()].filter((p) => p.startsWith('closure/'))));
    expect(carried).toEqual([[`closure/${sha(first)}`], [`closure/${sha(second)}`]]);
    const lite = await makeHq(root);
    try {
      enrolLaptop(lite, laptop.core);
      const hq = await pgHq('closure_files');
      for (const f of files) {
        expect((await importBundleFile(lite, f)).status).toBe('imported');
        const r = await importBundleFile(hq, f);
        expect(r.status, r.message).toBe('imported');
      }
      for (const [b, name] of [[first, 'payslips-march.pdf'], [second, 'payslips-april.pdf']] as const) {
        expect(readFileSync(hqClosureFile(hq, sha(b)))).toEqual(b);
        expect(await queryOf(hq)(`SELECT name FROM hq_closure_evidence WHERE sha256 = '${sha(b)}'`)).toEqual([{ name }]);
      }
      expect(await cycleStateOf(queryOf(hq))).toEqual(await cycleStateOf(queryOf(lite)));
    } finally {
      lite.close();
    }
  }, 120_000);

  it('a bundle whose evidence file was left out is refused, nothing written on the server or in the folder', async () => {
    const hq = await pgHq('closure_missing');
    const parts = await readParts(files[0]!);
    const bytes = forge(parts, {
      signWith: loadSigningKey(laptop.core).privateKey,
      files: (f) => f.delete(`closure/${sha(first)}`),
      manifest: (m) => { m.bundleId = randomUUID().replace(/^(.{14})./, '$17'); },
    });
    const bad = join(root, 'pg-closure-missing.fsb');
    writeFileSync(bad, bytes);
    const rows = [await stateOf(queryOf(hq)), await cycleStateOf(queryOf(hq))];
    const folder = snapshot(hq.paths.dir);
    const r = await importBundleFile(hq, bad);
    expect(r.status, r.message).toBe('rejected');
    expect(r.reason).toBe('missing_file');
    expect([await stateOf(queryOf(hq)), await cycleStateOf(queryOf(hq))]).toEqual(rows);
    expect(snapshot(hq.paths.dir)).toEqual(folder);
    // The untouched bundle goes in.
    expect((await importBundleFile(hq, files[0]!)).status).toBe('imported');
    expect(readFileSync(hqClosureFile(hq, sha(first)))).toEqual(first);
  }, 120_000);
});
