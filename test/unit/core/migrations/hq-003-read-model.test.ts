// HQ migration 3 (the read model): an HQ that imported bundles under
// version 2 gets every audit projected when it migrates, the same rows an
// import under version 3 writes; its version 2 rows are kept as they were.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../../../electron/core/store/db';
import { hqMigrations } from '../../../../electron/core/hq/migrations';
import { exportBundle } from '../../../../electron/core/bundle/export';
import { importBundleFile } from '../../../../electron/core/hq/import';
import { makeLaptop, type Laptop } from '../../../integration/bundle/laptop';
import { enrolLaptop, makeHq } from '../../../integration/bundle/hq';
import { READ_TABLES } from '../../../integration/hq-read/read-model';
import type { Hq } from '../../../../electron/core/hq/context';

const V2_TABLES = ['settings', 'auditors', 'bundles', 'audit_versions', 'events', 'audits', 'photos', 'reports', 'audit_owners', 'handovers'];

let root: string;
let laptop: Laptop;
let hq: Hq;
let old: Database.Database;
let v2Rows: Record<string, unknown[]>;

const rows = (db: Database.Database, t: string, order = 'rowid') => db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all();
/** The read model without the projection time, which is when each projection ran. */
const readModel = (db: Database.Database) =>
  Object.fromEntries(Object.entries(READ_TABLES).map(([t, order]) => [t, (rows(db, t, order) as Array<Record<string, unknown>>).map(({ projected_at: _p, ...r }) => r)]));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hq3-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  hq = await makeHq(root);
  enrolLaptop(hq, laptop.core);
  const out = join(root, 'b.fsb');
  await exportBundle(laptop.core, { out, recipient: null });
  expect((await importBundleFile(hq, out)).status).toBe('imported');
  // The same data as an HQ at version 2 would hold it: its tables copied row for row.
  old = new Database(join(root, 'v2.db'));
  migrate(old, hqMigrations, 2);
  old.exec(`ATTACH DATABASE '${hq.paths.database}' AS cur`);
  for (const t of V2_TABLES) old.exec(`INSERT INTO main.${t} SELECT * FROM cur.${t}`);
  old.exec('DETACH DATABASE cur');
  v2Rows = Object.fromEntries(V2_TABLES.map((t) => [t, rows(old, t)]));
  expect(v2Rows.audits!.length).toBe(2);
  migrate(old, hqMigrations, 3);
}, 60_000);
afterAll(() => {
  old.close();
  hq.close();
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('hq migration 3', () => {
  it('records version 3 and keeps every version 2 row', () => {
    expect(old.pragma('user_version', { simple: true })).toBe(3);
    for (const t of V2_TABLES) expect(rows(old, t), t).toEqual(v2Rows[t]);
  });

  it('projects the audits already imported: the same read model an import under version 3 writes', () => {
    const migrated = readModel(old);
    expect(migrated.hq_audit).toHaveLength(2);
    expect(migrated.hq_answer!.length).toBeGreaterThan(100);
    expect(migrated).toEqual(readModel(hq.db));
  });

  it('creates the read model tables as STRICT', () => {
    const list = old.prepare('PRAGMA table_list').all() as Array<{ name: string; strict: number }>;
    for (const t of Object.keys(READ_TABLES)) expect(list.find((r) => r.name === t), t).toMatchObject({ strict: 1 });
  });
});
