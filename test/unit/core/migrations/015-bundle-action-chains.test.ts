// Migration 015 (bundle-action-chains): a laptop that sent bundles before keeps
// them, and each bundle can now record what it carried of an action chain.
import { describe, expect, it } from 'vitest';
import { AUDIT, databaseAt, upTo } from './seed';

describe('migration 015: what bundles carried of action chains', () => {
  it('keeps the bundles already sent and records action-chain heads per bundle', () => {
    const db = databaseAt(14);
    db.prepare(`INSERT INTO bundles_out (bundle_id, sequence, created_at, path, content_hash, size, encrypted, audit_count, state)
      VALUES ('b1', 1, 'now', '/x.fsb', 'h', 10, 0, 1, 'sent')`).run();
    db.prepare("INSERT INTO bundle_out_audits (bundle_id, audit_id, head_hash, event_count) VALUES ('b1', ?, 'aa', 3)").run(AUDIT);
    expect(upTo(db, 15)).toBe(15);
    expect(db.prepare('SELECT bundle_id, audit_id, event_count FROM bundle_out_audits').get()).toEqual({ bundle_id: 'b1', audit_id: AUDIT, event_count: 3 });
    db.prepare("INSERT INTO bundle_out_action_chains (bundle_id, audit_id, head_hash, event_count) VALUES ('b1', ?, 'bb', 2)").run(AUDIT);
    expect(() => db.prepare("INSERT INTO bundle_out_action_chains (bundle_id, audit_id, head_hash, event_count) VALUES ('b1', ?, 'cc', 3)").run(AUDIT)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO bundle_out_action_chains (bundle_id, audit_id, head_hash, event_count) VALUES ('nope', 'x', 'cc', 3)").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO bundle_out_action_chains (bundle_id, audit_id, head_hash, event_count) VALUES ('b1', 'y', 'cc', 0)").run()).toThrow(/CHECK/);
  });
});
