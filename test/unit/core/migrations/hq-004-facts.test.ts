// HQ migration 4 (hq_fact): an HQ that imported under version 3 gets the
// same facts when it migrates as imports under version 4 keep; the facts
// stay in step with the read model through a reopened revision (the earlier
// one superseded); and the tracker's and dashboard's statements over hq_fact
// are planned on its indexes, never a scan of the table, with or without a
// filter (EXPLAIN QUERY PLAN of each statement they run, with its own
// parameters).
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, type Db } from '../../../../electron/core/store/db';
import { hqMigrations } from '../../../../electron/core/hq/migrations';
import { exportBundle } from '../../../../electron/core/bundle/export';
import { importBundleFile, importBundles } from '../../../../electron/core/hq/import';
import { finalizeAudit, reopenAudit } from '../../../../electron/core/store/repos/lifecycle';
import { factsSql } from '../../../../electron/core/hq/read/facts';
import { trackHq } from '../../../../electron/core/hq/read/tracker';
import { hqDashboard } from '../../../../electron/core/hq/read/dashboard';
import { makeLaptop, type Laptop } from '../../../integration/bundle/laptop';
import { enrolLaptop, makeHq } from '../../../integration/bundle/hq';
import { READ_TABLES } from '../../../integration/hq-read/read-model';
import type { Hq } from '../../../../electron/core/hq/context';

const V2_TABLES = ['settings', 'auditors', 'bundles', 'audit_versions', 'events', 'audits', 'photos', 'reports', 'audit_owners', 'handovers'];
const V3_TABLES = [...V2_TABLES, ...Object.keys(READ_TABLES)];
const AS_OF = '2026-11-30';

let root: string;
let laptop: Laptop;
let hq: Hq;
let old: Database.Database;
let rev1: string;
let rev2: string;

const facts = (db: Database.Database | Db) => db.prepare('SELECT * FROM hq_fact ORDER BY audit_id, entity, fact_id').all();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hq4-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  hq = await makeHq(root);
  enrolLaptop(hq, laptop.core);
  const first = join(root, 'r1.fsb');
  await exportBundle(laptop.core, { out: first, recipient: null });
  expect((await importBundleFile(hq, first)).status).toBe('imported');
  rev1 = laptop.auditIds[1]!;
  rev2 = reopenAudit(laptop.core, rev1).id;
  finalizeAudit(laptop.core, rev2);
  const second = join(root, 'r2.fsb');
  await exportBundle(laptop.core, { out: second, recipient: null });
  expect((await importBundleFile(hq, second)).status).toBe('imported');

  // The same data as an HQ at version 3 holds it, then migrated.
  old = new Database(join(root, 'v3.db'));
  migrate(old, hqMigrations, 3);
  old.exec(`ATTACH DATABASE '${hq.paths.database}' AS cur`);
  for (const t of V3_TABLES) old.exec(`INSERT INTO main.${t} SELECT * FROM cur.${t}`);
  old.exec('DETACH DATABASE cur');
  migrate(old, hqMigrations, 4);
}, 90_000);
afterAll(() => {
  old.close();
  hq.close();
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('hq migration 4', () => {
  it('records version 4, keeps the read model, and fills hq_fact as the imports under version 4 did', () => {
    expect(old.pragma('user_version', { simple: true })).toBe(4);
    for (const t of Object.keys(READ_TABLES)) expect(old.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual(hq.db.prepare(`SELECT count(*) AS n FROM ${t}`).get());
    const migrated = facts(old);
    expect(migrated.length).toBeGreaterThan(10);
    expect(migrated).toEqual(facts(hq.db));
    const list = old.prepare('PRAGMA table_list').all() as Array<{ name: string; strict: number }>;
    expect(list.find((r) => r.name === 'hq_fact')).toMatchObject({ strict: 1 });
  });

  it('one fact per finding and per action; the reopened revision\'s earlier one is superseded in hq_fact too', () => {
    const n = (sql: string) => (hq.db.prepare(sql).get() as { n: number }).n;
    expect(n("SELECT count(*) AS n FROM hq_fact WHERE entity = 'finding'")).toBe(n('SELECT count(*) AS n FROM hq_finding'));
    expect(n("SELECT count(*) AS n FROM hq_fact WHERE entity = 'action'")).toBe(n('SELECT count(*) AS n FROM hq_action'));
    const superseded = (id: string) => hq.db.prepare('SELECT DISTINCT superseded FROM hq_fact WHERE audit_id = ?').all(id);
    expect(superseded(rev1)).toEqual([{ superseded: 1 }]);
    expect(superseded(rev2)).toEqual([{ superseded: 0 }]);
    // What the imports kept is what a rebuild from the read model gives.
    const kept = facts(hq.db);
    hq.db.exec('SAVEPOINT rebuild');
    hq.db.exec('DELETE FROM hq_fact');
    for (const sql of factsSql('1 = 1')) hq.db.exec(sql);
    const rebuilt = facts(hq.db);
    hq.db.exec('ROLLBACK TO rebuild; RELEASE rebuild');
    expect(kept).toEqual(rebuilt);
  });
});

describe('statistics after an import batch', () => {
  it('a fresh HQ (ANALYZEd empty by the migration) has statistics of its facts after its first batch', async () => {
    const fresh = await makeHq(root);
    try {
      enrolLaptop(fresh, laptop.core);
      const stats = () => fresh.db.prepare("SELECT idx FROM sqlite_stat1 WHERE tbl = 'hq_fact' ORDER BY idx").all();
      expect(stats()).toEqual([]);
      const results = await importBundles(fresh, [join(root, 'r1.fsb'), join(root, 'r2.fsb')]);
      expect(results.map((r) => r.status)).toEqual(['imported', 'imported']);
      expect(stats().map((r) => (r as { idx: string }).idx)).toEqual(expect.arrayContaining(['hq_fact_audit', 'hq_fact_due', 'hq_fact_items', 'hq_fact_open']));
    } finally {
      fresh.close();
    }
  });
});

/** Every statement `fn` runs on hq_fact, with the plan SQLite makes for it under the same parameters. */
function plansOf(db: Db, fn: (db: Db) => unknown): Array<{ sql: string; plan: string[] }> {
  const seen: Array<{ sql: string; args: unknown[] }> = [];
  const spy = new Proxy(db, {
    get(target, prop) {
      if (prop !== 'prepare') { const v = Reflect.get(target, prop, target) as unknown; return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v; }
      return (sql: string) => {
        const st = target.prepare(sql);
        const record = (m: 'all' | 'get') => (...args: unknown[]) => { seen.push({ sql, args }); return (st[m] as (...a: unknown[]) => unknown)(...args); };
        return { all: record('all'), get: record('get'), run: st.run.bind(st) };
      };
    },
  });
  fn(spy);
  return seen.filter((s) => /\bhq_fact\b/.test(s.sql))
    .map((s) => ({ sql: s.sql, plan: (db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.args) as Array<{ detail: string }>).map((r) => r.detail) }));
}

describe('plans of the hot queries', () => {
  const filters = [{}, { country: 'PH' }, { client: 'Harbor Telecom' }, { from: '2026-01-01', to: '2026-12-31' }] as const;
  const runs: Array<[string, (db: Db) => unknown]> = filters.flatMap((filter) => [
    [`tracker ${JSON.stringify(filter)}`, (db: Db) => trackHq(db, { filter: { kinds: ['finding', 'overdue_action', 'zero_tolerance'], severities: ['critical', 'major'], asOf: AS_OF, ...filter }, sort: { by: 'dueDate', dir: 'asc' }, page: { offset: 0, limit: 50 } })],
    [`tracker by site ${JSON.stringify(filter)}`, (db: Db) => trackHq(db, { filter: { kinds: ['overdue_action'], severities: ['minor', 'major'], asOf: AS_OF, ...filter }, sort: { by: 'site', dir: 'desc' }, page: { offset: 0, limit: 50 } })],
    [`dashboard ${JSON.stringify(filter)}`, (db: Db) => hqDashboard(db, { filter, asOf: AS_OF, top: 10 })],
  ] as Array<[string, (db: Db) => unknown]>);

  it.each(runs)('%s reads hq_fact through an index, never a scan', (_name, fn) => {
    const plans = plansOf(hq.db, fn);
    expect(plans.length).toBeGreaterThan(0);
    for (const { sql, plan } of plans) {
      const onFacts = plan.filter((d) => /^(SCAN|SEARCH) a\b/.test(d));
      expect(onFacts.length, `${sql}\n${plan.join('\n')}`).toBeGreaterThan(0);
      for (const d of onFacts) expect(d, `${sql}\n${plan.join('\n')}`).toMatch(/^SEARCH a USING (COVERING )?INDEX (hq_fact_\w+|sqlite_autoindex_hq_fact_1) /);
    }
  });

  it('unfiltered, the counts and the dashboard\'s findings by item read only a covering index', () => {
    const plans = plansOf(hq.db, (db) => {
      trackHq(db, { filter: { kinds: ['finding', 'overdue_action', 'zero_tolerance'], severities: ['critical', 'major'], asOf: AS_OF }, sort: { by: 'dueDate', dir: 'asc' }, page: { offset: 0, limit: 50 } });
      hqDashboard(db, { filter: {}, asOf: AS_OF, top: 10 });
    });
    const counts = plans.filter((p) => /^SELECT COUNT\(\*\) AS n FROM hq_fact a/.test(p.sql));
    expect(counts).toHaveLength(3);
    for (const c of counts) expect(c.plan.join('\n')).toMatch(/SEARCH a USING COVERING INDEX hq_fact_(open|due)/);
    const items = plans.find((p) => p.sql.includes('GROUP BY a.item_id'))!;
    expect(items.plan.join('\n')).toMatch(/SEARCH a USING COVERING INDEX hq_fact_items/);
    // The dashboard's open findings and overdue actions by site leave out what was closed after finalize, from the index alone.
    const open = plans.find((p) => p.sql.includes("AS zt") && p.sql.includes('hq_finding_closure'))!;
    expect(open.plan.join('\n')).toMatch(/SEARCH a USING COVERING INDEX hq_fact_open/);
    const overdue = plans.find((p) => p.sql.includes('GROUP BY a.site_id') && p.sql.includes('hq_action_closure'))!;
    expect(overdue.plan.join('\n')).toMatch(/SEARCH a USING COVERING INDEX hq_fact_due/);
  });
});
