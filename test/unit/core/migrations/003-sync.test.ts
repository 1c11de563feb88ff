// Migration 003 (sync outbox): from schema 2 with an audit to the outbox tables.
import { describe, expect, it } from 'vitest';
import { AUDIT, databaseAt, upTo } from './seed';

describe('003-sync', () => {
  it('adds the outbox without touching existing audits', () => {
    const db = databaseAt(2);
    expect(upTo(db, 3)).toBe(3);
    expect(db.prepare('SELECT id, status FROM audits').all()).toEqual([{ id: AUDIT, status: 'in_progress' }]);
    db.prepare("INSERT INTO bundles_out (bundle_id, sequence, created_at, path, content_hash, size, encrypted, audit_count, state) VALUES ('b1', 1, 'now', '/x.fsb', 'h', 10, 0, 1, 'pending')").run();
    db.prepare("INSERT INTO bundle_out_audits (bundle_id, audit_id, head_hash, event_count) VALUES ('b1', ?, 'h', 3)").run(AUDIT);
    expect(() => db.prepare("INSERT INTO bundles_out (bundle_id, sequence, created_at, path, content_hash, size, encrypted, audit_count, state) VALUES ('b2', 1, 'now', '/y', 'h', 1, 0, 1, 'pending')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE bundles_out SET state = 'lost'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO bundle_out_files (bundle_id, sha256) VALUES ('nope', 'x')").run()).toThrow(/FOREIGN KEY/);
  });
});
