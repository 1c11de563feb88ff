// The change log's pruning on a real PostgreSQL (engine/change-log.ts): with
// the default retention nothing recent is pruned; an import batch prunes what
// is beyond the retention; a replica that last saw a pruned change is copied
// whole and then holds what HQ on SQLite holds after the same imports; a
// replica that saw every pruned change still refreshes incrementally; a
// replica made after the pruning copies once, then follows incrementally;
// pruning by age takes only what is old enough, a batch per call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBundleFile } from '../../../electron/core/hq/import';
import { importPaths } from '../../../electron/core/hq/service';
import type { Hq, HqFolder } from '../../../electron/core/hq/context';
import { openPgAppHq } from '../../../electron/core/hq/engine/app-hq';
import { pgStoreOf } from '../../../electron/core/hq/engine/open';
import { KEEP, PRUNED_THROUGH, pruneChangeLog } from '../../../electron/core/hq/engine/change-log';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { enrolLaptop, makeHq } from '../bundle/hq';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { cycleStateOf, enrolInput, HQ_PASSPHRASE, makeBundleSet, makePgHq, queryOf, stateOf, type BundleSet, type Query } from './pg-hq';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

const replicaQuery = (hq: Hq): Query => async (sql) => hq.db.prepare(sql).all();
/** Everything HQ holds but import times, as the engine comparisons read it, and who handed what over. */
const everything = async (q: Query) => ({ ...(await stateOf(q) as object), ...(await cycleStateOf(q)), auditors: await q('SELECT fingerprint, auditor_id, name, revoked_at FROM auditors ORDER BY fingerprint') });

describe.skipIf(!!skip)('the change log is pruned; replicas that missed pruned changes copy whole', () => {
  let root: string;
  let server: PgServer;
  let set: BundleSet;
  let url: string;
  let lite: Hq;
  let pg: HqFolder;
  let old: Hq;
  let current: Hq;
  const keep = { ...KEEP };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-hqprune-'));
    server = await startPg();
    set = await makeBundleSet(root);
    lite = await makeHq(root);
    url = await createDatabase(server, 'prune');
    pg = await makePgHq(root, url);
    for (const l of [set.a.core, set.b.core]) {
      enrolLaptop(lite, l);
      await pg.store.enrol(enrolInput(l));
    }
    const app = () => openPgAppHq(mkdtempSync(join(root, 'fs-app-')), passphraseBox(HQ_PASSPHRASE), url, { intervalMs: 3_600_000 });
    old = await app();
    current = await app();
  }, 180_000);

  afterAll(async () => {
    Object.assign(KEEP, keep);
    old?.close();
    current?.close();
    lite?.close();
    await pg?.store.close();
    set?.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const pool = () => pgStoreOf(pg)!.pool;
  const log = async () => (await pool().query('SELECT seq FROM hq_change ORDER BY seq')).rows.map((r: { seq: number }) => Number(r.seq));
  const through = async () => Number(((await pool().query('SELECT value FROM settings WHERE key = $1', [PRUNED_THROUGH])).rows[0] as { value: string } | undefined)?.value ?? 0);
  const importBoth = async (f: string) => {
    expect((await importBundleFile(lite, f)).status).toBe('imported');
    expect((await importBundleFile(pg, f)).status).toBe('imported');
  };

  it('with the default retention, changes of today are kept', async () => {
    await importBoth(set.files.a1);
    for (const r of [old, current]) {
      await r.replica!.refresh();
      expect(r.replica!.status().error).toBeNull();
    }
    const before = await log();
    expect(before.length).toBeGreaterThan(2);
    expect(await pruneChangeLog(pool())).toEqual({ deleted: 0, through: 0 });
    // Old enough, but within the newest changes kept: still kept.
    expect(await pruneChangeLog(pool(), { days: 0, changes: 10_000, now: new Date(Date.now() + 86_400_000) })).toEqual({ deleted: 0, through: 0 });
    expect(await log()).toEqual(before);
  });

  it('an import batch prunes beyond the retention; the replica that saw every pruned change refreshes incrementally', async () => {
    await importBoth(set.files.a2);
    await importBoth(set.files.a3);
    expect(await current.replica!.refresh()).toMatchObject({ full: false, changes: 2 });
    const seen = await log();
    // Keep only the newest change, whatever its age.
    Object.assign(KEEP, { days: 0, changes: 1 });
    try {
      expect((await importBundleFile(lite, set.files.b1)).status).toBe('imported');
      const [r] = await importPaths(pg, [set.files.b1]);
      expect(r!.status).toBe('imported');
    } finally {
      Object.assign(KEEP, keep);
    }
    const after = await log();
    expect(after).toHaveLength(1);
    expect(after[0]).toBeGreaterThan(seen.at(-1)!);
    expect(await through()).toBe(seen.at(-1));
    // This replica's last change is the last one pruned: nothing it needs is gone.
    expect(await current.replica!.refresh()).toMatchObject({ full: false, changes: 1 });
    expect(await everything(replicaQuery(current))).toEqual(await everything(queryOf(lite)));
  });

  it('a replica whose last change was pruned is copied whole, then holds what SQLite holds; later it follows incrementally', async () => {
    const stale = await log();
    expect(old.replica!.status().version).toMatch(/:\d+$/);
    const r = await old.replica!.refresh();
    expect(r).toMatchObject({ full: true });
    expect(stale.length).toBe(1);
    expect(await everything(replicaQuery(old))).toEqual(await everything(queryOf(lite)));
    await importBoth(set.files.twin);
    expect(await old.replica!.refresh()).toMatchObject({ full: false, changes: 1 });
    expect(await current.replica!.refresh()).toMatchObject({ full: false, changes: 1 });
    expect(await everything(replicaQuery(old))).toEqual(await everything(queryOf(lite)));
    expect(await everything(replicaQuery(current))).toEqual(await everything(queryOf(lite)));
  });

  it('a replica made after the pruning copies once, then refreshes incrementally; a log pruned to nothing still tells a current replica it is current', async () => {
    const fresh = await openPgAppHq(mkdtempSync(join(root, 'fs-app-')), passphraseBox(HQ_PASSPHRASE), url, { intervalMs: 3_600_000 });
    try {
      await fresh.replica!.refresh();
      expect(fresh.replica!.status().error).toBeNull();
      expect(await fresh.replica!.refresh()).toMatchObject({ full: false, changes: 0 });
      expect(await everything(replicaQuery(fresh))).toEqual(await everything(queryOf(lite)));
    } finally {
      fresh.close();
    }
    const was = await through();
    const kept = await log();
    expect(kept.length).toBe(2);
    // Everything pruned: the log is empty, and a replica still knows it is current.
    expect(await pruneChangeLog(pool(), { days: 0, changes: 0 })).toEqual({ deleted: 2, through: kept.at(-1) });
    expect(await log()).toEqual([]);
    expect(await through()).toBeGreaterThan(was);
    expect(await current.replica!.refresh()).toMatchObject({ full: false, changes: 0 });
    expect(await pruneChangeLog(pool(), { days: 0, changes: 0 })).toEqual({ deleted: 0, through: await through() });
  });

  it('prunes by age only what is old enough, a batch at a time', async () => {
    const add = (at: string) => pool().query("INSERT INTO hq_change (at, kind) VALUES ($1, 'auditor') RETURNING seq", [at]).then((r) => Number((r.rows[0] as { seq: number }).seq));
    const old = [await add('2026-01-01T00:00:00.000Z'), await add('2026-01-02T00:00:00.000Z'), await add('2026-01-03T00:00:00.000Z')];
    const recent = await add(new Date().toISOString());
    const opts = { days: 30, changes: 0, batch: 2 };
    expect(await pruneChangeLog(pool(), opts)).toEqual({ deleted: 2, through: old[1] });
    expect(await pruneChangeLog(pool(), opts)).toEqual({ deleted: 1, through: old[2] });
    expect(await pruneChangeLog(pool(), opts)).toEqual({ deleted: 0, through: old[2] });
    expect(await log()).toEqual([recent]);
  });
});
