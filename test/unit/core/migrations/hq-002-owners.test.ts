// HQ migration 2 (audit owners, hand-overs, report audit ids): an HQ that
// imported bundles under version 1 gets an owner for every audit, the key of
// the audit's first version to arrive, and keeps every row it had.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/db';
import { hqMigrations } from '../../../../electron/core/hq/migrations';

const X = '01900000-0000-7000-8000-00000000000a';
const Y = '01900000-0000-7000-8000-00000000000b';
let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, hqMigrations, 1);
  const bundle = db.prepare(`INSERT INTO bundles (bundle_id, content_hash, manifest_hash, fingerprint, auditor_id, sequence, created_at, state, received_at, manifest)
    VALUES (?, ?, 'm', ?, ?, 1, '2026-01-01', 'imported', ?, '{}')`);
  bundle.run('b1', 'c1', 'fpB', 'AUD-B', '2026-01-01T10:00:00.000Z');
  // Under version 1 another key's bundle for X was kept beside B's.
  bundle.run('b2', 'c2', 'fpA', 'AUD-B', '2026-01-02T10:00:00.000Z');
  const version = db.prepare(`INSERT INTO audit_versions (audit_id, head_hash, event_count, revision, status, site_name, fingerprint, bundle_id, doc)
    VALUES (?, ?, ?, 1, 'draft', 'Site', ?, ?, '{}')`);
  version.run(X, 'h1', 3, 'fpB', 'b1');
  version.run(X, 'h2', 9, 'fpA', 'b2');
  version.run(Y, 'h3', 2, 'fpA', 'b2');
  db.prepare("INSERT INTO reports (sha256, size) VALUES ('r1', 10)").run();
  migrate(db, hqMigrations, 2);
});

describe('hq migration 2', () => {
  it('records version 2 and keeps every row', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM audit_versions').get()).toEqual({ n: 3 });
    expect(db.prepare('SELECT sha256, size, audit_id FROM reports').all()).toEqual([{ sha256: 'r1', size: 10, audit_id: null }]);
  });

  it("gives each audit the key of its first version to arrive, not the longest or latest", () => {
    expect(db.prepare('SELECT audit_id, fingerprint FROM audit_owners ORDER BY audit_id').all()).toEqual([
      { audit_id: X, fingerprint: 'fpB' },
      { audit_id: Y, fingerprint: 'fpA' },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM handovers').get()).toEqual({ n: 0 });
  });

  it('creates the new tables as STRICT', () => {
    const list = db.prepare('PRAGMA table_list').all() as Array<{ name: string; strict: number }>;
    for (const t of ['audit_owners', 'handovers']) expect(list.find((r) => r.name === t), t).toMatchObject({ strict: 1 });
  });
});
