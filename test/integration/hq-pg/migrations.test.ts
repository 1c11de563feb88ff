// HQ's PostgreSQL migrations, tested like the SQLite ones: a database at
// PG 1 holding imported data (the rows an SQLite HQ holds, copied) migrates
// to PG 2 and gets every audit projected into the read model, the same rows
// the SQLite engine projects, its data rows kept as they were; then to PG 3
// (SQLite's HQ 4 and 5): the facts of those audits and the links of the
// follow-ups among them, as SQLite holds them, nothing else changed. A database
// newer than the app, or one with no HQ in it, is refused with what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { importBundleFile } from '../../../electron/core/hq/import';
import { latestPgVersion, migratePg, pgSchemaVersion } from '../../../electron/core/hq/engine/pg-migrate';
import { openPgStore } from '../../../electron/core/hq/engine/pg-store';
import { upsert } from '../../../electron/core/hq/engine/scratch';
import type { Hq } from '../../../electron/core/hq/context';
import { enrolLaptop, makeHq } from '../bundle/hq';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { cycleStateOf, makeBundleSet, queryOf, stateOf, type BundleSet } from './pg-hq';
import { makeCycleBundles } from './cycle-bundles';

const CYCLE_TABLES = ['hq_fact', 'action_events', 'hq_action_history', 'hq_closure_evidence', 'hq_action_closure', 'hq_finding_closure', 'hq_follow_up'];
const DATA_TABLES = ['settings', 'auditors', 'bundles', 'audit_versions', 'events', 'audits', 'photos', 'reports', 'audit_owners', 'handovers'];

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

describe.skipIf(!!skip)('PostgreSQL migrations', () => {
  let root: string;
  let server: PgServer;
  let set: BundleSet;
  let hq: Hq;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-pgmig-'));
    server = await startPg();
    set = await makeBundleSet(root);
    hq = await makeHq(root);
    enrolLaptop(hq, set.a.core);
    enrolLaptop(hq, set.b.core);
    for (const f of Object.values(set.files)) expect((await importBundleFile(hq, f)).status).toBe('imported');
  }, 180_000);

  afterAll(() => {
    hq?.close();
    set?.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('PG 1 with imported data, then PG 2: every audit projected as SQLite projects it, the data rows unchanged', async () => {
    const url = await createDatabase(server, 'mig2');
    const pool = new pg.Pool({ connectionString: url });
    try {
      expect(await migratePg(pool, url, 1)).toBe(1);
      for (const t of DATA_TABLES) await upsert(pool, t, hq.db.prepare(`SELECT * FROM ${t}`).all() as Array<Record<string, unknown>>, 'keep');
      const q = async (sql: string) => (await pool.query(sql)).rows;
      const before = await stateOf(async (sql) => (sql.includes('hq_') ? [] : q(sql)));
      expect(await migratePg(pool, url, 2)).toBe(2);
      const after = await stateOf(q);
      const sqlite = await stateOf(queryOf(hq));
      expect(after).toEqual(sqlite);
      expect((after as { readModel: unknown[] }).readModel.length).toBe(4);
      expect(await stateOf(async (sql) => (sql.includes('hq_') ? [] : q(sql)))).toEqual(before);
      // Migrating again is a no-op.
      expect(await migratePg(pool, url)).toBe(latestPgVersion());
      expect(await stateOf(q)).toEqual(after);
    } finally {
      await pool.end();
    }
  }, 60_000);

  it('PG 2 with imported data, follow-ups among it, then PG 3: the facts and the follow-up links SQLite holds, the rest unchanged', async () => {
    // An SQLite HQ that also holds a follow-up (and the action chains, which PG 3 has no earlier rows of to fill from).
    const cycle = await makeCycleBundles(set.b.core, root, 'mig3');
    const lite = await makeHq(root);
    const url = await createDatabase(server, 'mig3');
    const pool = new pg.Pool({ connectionString: url });
    try {
      enrolLaptop(lite, set.a.core);
      enrolLaptop(lite, set.b.core);
      for (const f of [...Object.values(set.files), ...cycle.files]) expect((await importBundleFile(lite, f)).status).toBe('imported');
      expect(await migratePg(pool, url, 1)).toBe(1);
      for (const t of DATA_TABLES) await upsert(pool, t, lite.db.prepare(`SELECT * FROM ${t}`).all() as Array<Record<string, unknown>>, 'keep');
      expect(await migratePg(pool, url, 2)).toBe(2);
      const q = async (sql: string) => (await pool.query(sql)).rows;
      const before = await stateOf(q);
      expect(before).toEqual(await stateOf(queryOf(lite)));
      expect(await migratePg(pool, url, 3)).toBe(3);
      const want = await cycleStateOf(queryOf(lite));
      const got = await cycleStateOf(q);
      expect(got.facts).toEqual(want.facts);
      expect((got.facts as unknown[]).length).toBeGreaterThan(10);
      expect(got.followUps).toEqual(want.followUps);
      expect(got.followUps).toEqual([expect.objectContaining({ follow_up_of: cycle.auditId, mode: 'on_site' })]);
      for (const t of ['actionEvents', 'history', 'evidence', 'closure', 'findingClosure'] as const) expect(got[t]).toEqual([]);
      expect(await stateOf(q)).toEqual(before);
      // The same indexes, on the same columns, as SQLite's read model and HQ 4 and 5.
      const tables = ['hq_audit', 'hq_audit_client', 'hq_answer', 'hq_finding', 'hq_action', 'hq_signature', ...CYCLE_TABLES];
      const pgIndexes = async () => Object.fromEntries(((await pool.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY($1) AND indexname NOT LIKE '%_pkey'", [tables])).rows as Array<{ indexname: string; indexdef: string }>)
        .map((r) => [r.indexname, /\((.*)\)/.exec(r.indexdef)![1]!.split(', ')]));
      const liteIndexes = Object.fromEntries((lite.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN (${tables.map((t) => `'${t}'`).join(', ')}) AND sql IS NOT NULL`).all() as Array<{ name: string }>)
        .map((r) => [r.name, (lite.db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(r.name) as Array<{ name: string }>).map((c) => c.name)]));
      // PG 3 has what HQ 3–5 have; HQ 6's index on evidence hashes comes with PG 5.
      const { hq_closure_evidence_sha: sha, ...upToHq5 } = liteIndexes;
      expect(sha).toEqual(['sha256', 'audit_id', 'seq']);
      expect(await pgIndexes()).toEqual(upToHq5);
      expect(Object.keys(upToHq5).length).toBeGreaterThan(15);
      expect(await migratePg(pool, url)).toBe(latestPgVersion());
      expect(await pgIndexes()).toEqual(liteIndexes);
      expect(await cycleStateOf(q)).toEqual(got);
    } finally {
      await pool.end();
      lite.close();
    }
  }, 120_000);

  it('importers opening an empty database at once (hq init on two machines) migrate it once', async () => {
    const url = await createDatabase(server, 'race');
    const stores = await Promise.all([1, 2, 3].map(() => openPgStore(url, { create: true })));
    try {
      const rows = (await stores[0]!.pool.query('SELECT version FROM hq_schema ORDER BY version')).rows;
      // Every step once, in order.
      expect(rows).toEqual(Array.from({ length: latestPgVersion() }, (_, i) => ({ version: i + 1 })));
    } finally {
      for (const s of stores) await s.close();
    }
  }, 60_000);

  it('refuses a database with no HQ in it (run hq init) and one newer than the app, changing nothing', async () => {
    const empty = await createDatabase(server, 'empty');
    await expect(openPgStore(empty)).rejects.toThrow(/holds no headquarters yet.*fairsite hq init/);
    const pool = new pg.Pool({ connectionString: empty });
    try {
      expect(await pgSchemaVersion(pool)).toBe(0);
    } finally {
      await pool.end();
    }
    const newer = await createDatabase(server, 'newer');
    await (await openPgStore(newer, { create: true })).close();
    const p2 = new pg.Pool({ connectionString: newer });
    try {
      await p2.query("INSERT INTO hq_schema VALUES (99, 'future', 'x')");
      await expect(openPgStore(newer)).rejects.toThrow(/schema version 99, newer than this app knows.*Update Fairsite/);
      expect(await pgSchemaVersion(p2)).toBe(99);
    } finally {
      await p2.end();
    }
    await expect(openPgStore('postgres://postgres@127.0.0.1:1/none')).rejects.toThrow(/could not be reached.*Check that the server runs/);
  }, 60_000);
});
