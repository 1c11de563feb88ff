// HQ mode on PostgreSQL reads a local replica of the server (engine/replica.ts):
// after the same imports it shows what HQ on SQLite shows (tracker,
// dashboard, audits list and every audit's detail); a refresh copies only the
// audits the change log names; another importer's bundle appears after a
// refresh; with the server gone the screens keep the last replica and say
// what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBundleFile } from '../../../electron/core/hq/import';
import { hqStatus } from '../../../electron/core/hq/service';
import { ensureWatcher, setWatchFolder, stopWatcher } from '../../../electron/core/hq/inbox/service';
import { recentReceipts } from '../../../electron/core/hq/inbox/receipts';
import type { Hq, HqFolder } from '../../../electron/core/hq/context';
import { openPgAppHq } from '../../../electron/core/hq/engine/app-hq';
import { openPgStore } from '../../../electron/core/hq/engine/pg-store';
import { refreshReplica, type RefreshResult } from '../../../electron/core/hq/engine/replica';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { hqReadOps } from '../../../shared/contract/hq-read-ops';
import { trackHq } from '../../../electron/core/hq/read/tracker';
import { hqDashboard } from '../../../electron/core/hq/read/dashboard';
import { listHqAudits } from '../../../electron/core/hq/read/audits';
import { getHqAudit } from '../../../electron/core/hq/read/audit-detail';
import { listHqSites } from '../../../electron/core/hq/read/sites';
import type { Db } from '../../../electron/core/store/db';
import { enrolLaptop, makeHq } from '../bundle/hq';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { enrolInput, HQ_PASSPHRASE, makeBundleSet, makePgHq, type BundleSet } from './pg-hq';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

const AS_OF = '2030-01-01';

/** When each HQ received a bundle differs between two HQs by nature; everything else must not. */
const IMPORT_TIMES = new Set(['importedAt', 'receivedAt', 'projectedAt']);
const noImportTimes = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, v: unknown) => (IMPORT_TIMES.has(k) ? '(time)' : v)));

/** What the screens show, read with the screens' own functions. */
function screens(db: Db): unknown {
  return noImportTimes(screensAsIs(db));
}

function screensAsIs(db: Db): unknown {
  const audits = listHqAudits(db, hqReadOps['hq.audits'].input.parse({ filter: { includeSuperseded: true }, page: { limit: 200 } }), AS_OF);
  return {
    audits,
    tracker: trackHq(db, hqReadOps['hq.tracker'].input.parse({ filter: { asOf: AS_OF, severities: ['critical', 'major', 'minor'] }, page: { limit: 500 } })),
    dashboard: hqDashboard(db, hqReadOps['hq.dashboard'].input.parse({ asOf: AS_OF })),
    sites: listHqSites(db, hqReadOps['hq.sites'].input.parse({}), AS_OF),
    details: audits.rows.map((r) => getHqAudit(db, { auditId: r.auditId }, { asOf: AS_OF })),
  };
}

describe.skipIf(!!skip)('HQ mode on PostgreSQL: the screens read a replica', () => {
  let root: string;
  let server: PgServer;
  let set: BundleSet;
  let url: string;
  let lite: Hq;
  let app: Hq;
  let other: HqFolder;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-hqrep-'));
    server = await startPg();
    set = await makeBundleSet(root);
    lite = await makeHq(root);
    enrolLaptop(lite, set.a.core);
    enrolLaptop(lite, set.b.core);
    url = await createDatabase(server, 'replica');
    // Another analyst's machine: its own folder, the same server.
    other = await makePgHq(root, url);
    for (const l of [set.a.core, set.b.core]) await other.store.enrol(enrolInput(l));
    // The refresh timer is left out: each refresh here is asked for.
    app = await openPgAppHq(mkdtempSync(join(root, 'fs-app-')), passphraseBox(HQ_PASSPHRASE), url, { intervalMs: 3_600_000 });
    await app.replica!.refresh();
  }, 180_000);

  afterAll(async () => {
    app?.close();
    lite?.close();
    await other?.store.close();
    set?.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const refresh = async (): Promise<RefreshResult> => {
    const pg = await openPgStore(url);
    try {
      return await refreshReplica(pg.pool, { dir: app.paths.dir, get db() { return app.db; }, set db(d) { app.db = d; } });
    } finally {
      await pg.close();
    }
  };

  it('after the same imports the replica shows what HQ on SQLite shows, screen by screen', async () => {
    expect(app.replica!.status().asOf).not.toBeNull();
    for (const f of Object.values(set.files)) {
      expect((await importBundleFile(lite, f)).status).toBe('imported');
      expect((await importBundleFile(app, f)).status).toBe('imported');
    }
    await app.replica!.refresh();
    expect(app.replica!.status().error).toBeNull();
    const want = screens(lite.db) as { audits: { total: number }; details: unknown[] };
    expect(want.audits.total).toBeGreaterThan(2);
    expect(screens(app.db)).toEqual(want);
  });

  it('a refresh with nothing new changes nothing; one new bundle copies only its audits', async () => {
    expect(await refresh()).toMatchObject({ full: false, changes: 0, audits: 0 });
    const before = screens(app.db);
    expect(screens(app.db)).toEqual(before);
    // A's next bundle: one audit changed on the laptop.
    const { changeOneAnswer } = await import('../bundle/laptop');
    const { exportBundle } = await import('../../../electron/core/bundle/export');
    changeOneAnswer(set.a.core, 'fourth answer');
    const a4 = await exportBundle(set.a.core, { out: join(root, 'a4.fsb') });
    expect((await importBundleFile(lite, join(root, 'a4.fsb'))).status).toBe('imported');
    expect((await importBundleFile(app, join(root, 'a4.fsb'))).status).toBe('imported');
    const total = (app.db.prepare('SELECT count(*) AS n FROM audits').get() as { n: number }).n;
    const r = await refresh();
    expect(r.full).toBe(false);
    expect(r.changes).toBe(1);
    // The bundle's audit only (with the revisions it neighbours), not every audit HQ holds.
    expect(r.audits).toBeGreaterThanOrEqual(1);
    expect(r.audits).toBeLessThan(total);
    expect(app.db.prepare('SELECT state FROM bundles WHERE bundle_id = ?').get(a4.bundleId)).toEqual({ state: 'imported' });
    expect(screens(app.db)).toEqual(screens(lite.db));
  });

  it("another importer's bundle appears after a refresh", async () => {
    const { exportBundle } = await import('../../../electron/core/bundle/export');
    const { changeOneAnswer } = await import('../bundle/laptop');
    changeOneAnswer(set.b.core, 'b second answer');
    const b2 = await exportBundle(set.b.core, { out: join(root, 'b2.fsb') });
    expect((await importBundleFile(other, join(root, 'b2.fsb'))).status).toBe('imported');
    expect(app.db.prepare('SELECT 1 FROM bundles WHERE bundle_id = ?').get(b2.bundleId)).toBeUndefined();
    const r = await app.replica!.refresh() as RefreshResult;
    expect(r).toMatchObject({ full: false, changes: 1 });
    expect(app.db.prepare('SELECT state FROM bundles WHERE bundle_id = ?').get(b2.bundleId)).toEqual({ state: 'imported' });
    expect((await importBundleFile(lite, join(root, 'b2.fsb'))).status).toBe('imported');
    expect(screens(app.db)).toEqual(screens(lite.db));
  });

  it("the watched folder's bundles go to the server and appear in the replica", async () => {
    const { changeOneAnswer } = await import('../bundle/laptop');
    const { exportBundle } = await import('../../../electron/core/bundle/export');
    const folder = mkdtempSync(join(root, 'fs-watched-'));
    changeOneAnswer(set.b.core, 'b third answer');
    const b3 = await exportBundle(set.b.core, { out: join(folder, 'b3.fsb') });
    setWatchFolder(app, folder, { intervalMs: 3_600_000 });
    const w = ensureWatcher(app)!;
    try {
      await w.scan(); // seen once: it may still be arriving
      await w.scan(); // the same size and time twice: imported
      expect(recentReceipts(app)[0]).toMatchObject({ source: 'watched', status: 'imported', bundleId: b3.bundleId });
      const pool = (await openPgStore(url));
      try {
        expect((await pool.pool.query("SELECT state FROM bundles WHERE bundle_id = $1", [b3.bundleId])).rows).toEqual([{ state: 'imported' }]);
      } finally {
        await pool.close();
      }
      expect(app.db.prepare('SELECT state FROM bundles WHERE bundle_id = ?').get(b3.bundleId)).toEqual({ state: 'imported' });
      expect((await importBundleFile(lite, join(folder, 'b3.fsb'))).status).toBe('imported');
      expect(screens(app.db)).toEqual(screens(lite.db));
    } finally {
      stopWatcher(app);
    }
  });

  it('a replica of another database (its instance differs) is copied whole', async () => {
    const url2 = await createDatabase(server, 'replica_b');
    await (await openPgStore(url2, { create: true })).close();
    const pg = await openPgStore(url2);
    try {
      const r = await refreshReplica(pg.pool, { dir: app.paths.dir, get db() { return app.db; }, set db(d) { app.db = d; } });
      expect(r.full).toBe(true);
      expect(app.db.prepare('SELECT count(*) AS n FROM audits').get()).toEqual({ n: 0 });
    } finally {
      await pg.close();
    }
    expect((await refresh()).full).toBe(true);
    expect(screens(app.db)).toEqual(screens(lite.db));
  });

  it('a damaged replica file is made again and filled from the server', async () => {
    const dir = mkdtempSync(join(root, 'fs-damaged-'));
    writeFileSync(join(dir, 'replica.db'), Buffer.alloc(8192, 0x5a));
    const fresh = await openPgAppHq(dir, passphraseBox(HQ_PASSPHRASE), url, { intervalMs: 3_600_000 });
    try {
      await fresh.replica!.refresh();
      expect(fresh.replica!.status().error).toBeNull();
      expect(screens(fresh.db)).toEqual(screens(lite.db));
    } finally {
      fresh.close();
    }
  });

  it('with the server unreachable the replica stays and the status says what to do', async () => {
    const dead = `postgres://postgres:secret-pw@127.0.0.1:${server.port + 1}/postgres`;
    const gone = await openPgAppHq(app.paths.dir, passphraseBox(HQ_PASSPHRASE), dead, { intervalMs: 3_600_000 });
    try {
      const shown = screens(gone.db);
      expect(await gone.replica!.refresh()).toBeNull();
      const st = gone.replica!.status();
      expect(st.error).toMatch(/could not be reached.*Check that the server runs/);
      expect(st.error).not.toContain('secret-pw');
      expect(st.where).not.toContain('secret-pw');
      expect(st.asOf).not.toBeNull();
      expect(screens(gone.db)).toEqual(shown);
      // The auditors and held bundles the screens list come from the replica too.
      expect((await hqStatus(gone)).auditors).toHaveLength(2);
      expect((shown as { audits: { total: number } }).audits.total).toBeGreaterThan(2);
    } finally {
      gone.close();
    }
  });
});
