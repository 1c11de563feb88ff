// PG 4, the change log the app's replica follows: a database at PG 3
// holding imported data migrates to PG 4 with its rows unchanged, an empty
// log and this database's instance name; from then on every write (a bundle
// applied or held, an auditor enrolled) adds one entry naming what it
// touched, numbered in commit order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { importBundleFile } from '../../../electron/core/hq/import';
import { migratePg } from '../../../electron/core/hq/engine/pg-migrate';
import { openHqFolder } from '../../../electron/core/hq/engine/open';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { upsert } from '../../../electron/core/hq/engine/scratch';
import { enrolLaptop, makeHq } from '../bundle/hq';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { cycleStateOf, enrolInput, HQ_PASSPHRASE, makeBundleSet, stateOf, type BundleSet } from './pg-hq';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

const TABLES = ['settings', 'auditors', 'bundles', 'audit_versions', 'events', 'audits', 'photos', 'reports', 'audit_owners', 'handovers',
  'hq_audit', 'hq_audit_client', 'hq_answer', 'hq_finding', 'hq_action', 'hq_signature', 'hq_fact', 'action_events', 'hq_action_history',
  'hq_closure_evidence', 'hq_action_closure', 'hq_finding_closure', 'hq_follow_up'];

describe.skipIf(!!skip)('PostgreSQL migration PG 4 (change log)', () => {
  let root: string;
  let server: PgServer;
  let set: BundleSet;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-pgmig4-'));
    server = await startPg();
    set = await makeBundleSet(root);
  }, 180_000);

  afterAll(() => {
    set?.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('PG 3 with imported data, then PG 4: the rows unchanged, an empty log, an instance name; then each write logged', async () => {
    const lite = await makeHq(root);
    const url = await createDatabase(server, 'mig4');
    const pool = new pg.Pool({ connectionString: url });
    const q = async (sql: string) => (await pool.query(sql)).rows;
    try {
      enrolLaptop(lite, set.a.core);
      enrolLaptop(lite, set.b.core);
      for (const f of [set.files.a1, set.files.b1]) expect((await importBundleFile(lite, f)).status).toBe('imported');
      expect(await migratePg(pool, url, 3)).toBe(3);
      for (const t of TABLES) await upsert(pool, t, lite.db.prepare(`SELECT * FROM ${t}`).all() as Array<Record<string, unknown>>, 'keep');
      const before = { rows: await stateOf(q), cycle: await cycleStateOf(q) };
      expect(await q("SELECT to_regclass('hq_change') AS t")).toEqual([{ t: null }]);

      expect(await migratePg(pool, url, 4)).toBe(4);
      expect({ rows: await stateOf(q), cycle: await cycleStateOf(q) }).toEqual(before);
      expect(await q('SELECT * FROM hq_change')).toEqual([]);
      const instance = await q("SELECT value FROM settings WHERE key = 'replica.instance'");
      expect(instance).toEqual([{ value: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
      // Migrating again changes nothing, the instance included.
      expect(await migratePg(pool, url, 4)).toBe(4);
      expect(await q("SELECT value FROM settings WHERE key = 'replica.instance'")).toEqual(instance);

      // The engine on it: an auditor enrolled, a bundle applied, one held waiting for its base.
      const hq = await openHqFolder(mkdtempSync(join(root, 'fs-m4-')), passphraseBox(HQ_PASSPHRASE), { db: url });
      try {
        await hq.store.enrol(enrolInput(set.b.core));
        expect((await importBundleFile(hq, set.files.a3)).status).toBe('held');
        expect((await importBundleFile(hq, set.files.a2)).status).toBe('imported');
      } finally {
        await hq.store.close();
      }
      const log = await q('SELECT seq, kind, bundle_id, audit_ids, shas FROM hq_change ORDER BY seq') as Array<{ seq: number; kind: string; bundle_id: string | null; audit_ids: string[]; shas: string[] }>;
      expect(log.map((c) => c.kind)).toEqual(['auditor', 'held', 'applied', 'applied']);
      // Numbered in the order they committed (bigserial; the test's own pool reads it as text).
      expect(log.map((c) => Number(c.seq))).toEqual([1, 2, 3, 4]);
      expect(log[1]!.bundle_id).toBe(log[3]!.bundle_id);
      // The applied entries name the audits they wrote: A's audits, not B's.
      const aAudits = (await q(`SELECT DISTINCT audit_id FROM audit_versions WHERE fingerprint <> (SELECT fingerprint FROM auditors WHERE auditor_id = 'AUD-002')`)).map((r) => r.audit_id as string);
      const bAudits = (await q(`SELECT DISTINCT audit_id FROM audit_versions WHERE fingerprint = (SELECT fingerprint FROM auditors WHERE auditor_id = 'AUD-002')`)).map((r) => r.audit_id as string);
      for (const c of log.slice(2)) {
        expect(c.audit_ids.length).toBeGreaterThan(0);
        for (const id of c.audit_ids) expect(bAudits).not.toContain(id);
        expect(c.audit_ids.some((id) => aAudits.includes(id))).toBe(true);
        expect(c.shas.length).toBeGreaterThan(0);
      }
    } finally {
      await pool.end();
      lite.close();
    }
  }, 120_000);
});
