// Migration 012 (action chain): a finalized audit's actions get a chain of
// their own, append-only, and the state tables refuse what is not a status.
import { describe, expect, it } from 'vitest';
import { AUDIT, databaseAt, upTo } from './seed';

function seeded() {
  const db = databaseAt(11);
  db.prepare("INSERT INTO findings (id, audit_id, item_id, section_id, severity, source, summary, created_at, updated_at) VALUES ('f1', ?, 'i1', 's1', 'major', 'answer', 'Exit blocked', 'now', 'now')").run(AUDIT);
  db.prepare("INSERT INTO corrective_actions (id, audit_id, finding_id, action, owner, due_date, status, created_at, updated_at) VALUES ('a1', ?, 'f1', 'Clear exit', 'HR', '2026-02-01', 'open', 'now', 'now')").run(AUDIT);
  return db;
}

describe('migration 012: action chain', () => {
  it('adds the chain, the tracks and the closure evidence, leaving the audit chain and the actions as they were', () => {
    const db = seeded();
    const actions = db.prepare('SELECT * FROM corrective_actions').all();
    expect(upTo(db, 12)).toBe(12);
    expect(db.prepare('SELECT * FROM corrective_actions').all()).toEqual(actions);
    db.prepare("INSERT INTO action_events (audit_id, seq, id, at, actor, entity, entity_id, action, old, new, prev_hash, hash) VALUES (?, 1, 'e1', 'now', 'me', 'action_track', 'a1', 'status', NULL, '{}', 'p', 'h')").run(AUDIT);
    expect(() => db.prepare('UPDATE action_events SET actor = ?').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM action_events').run()).toThrow(/append-only/);
    // One place per chain: a second event 1 of the same audit is refused.
    expect(() => db.prepare("INSERT INTO action_events (audit_id, seq, id, at, actor, entity, entity_id, action, prev_hash, hash) VALUES (?, 1, 'e2', 'now', 'me', 'action_track', 'a1', 'status', 'p', 'h')").run(AUDIT)).toThrow(/UNIQUE|PRIMARY/);
    db.prepare("INSERT INTO action_tracks (action_id, audit_id, status, status_date, updated_at) VALUES ('a1', ?, 'submitted', '2026-02-01', 'now')").run(AUDIT);
    expect(() => db.prepare("UPDATE action_tracks SET status = 'done'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO closure_evidence (id, action_id, audit_id, sha256, name, media_type, size, source, received_at, added_at) VALUES ('c', 'a1', ?, 'x', 'n', 'm', 1, 'courier', '2026-02-01', 'now')").run(AUDIT)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO action_tracks (action_id, audit_id, status, status_date, updated_at) VALUES ('nope', ?, 'open', '2026-02-01', 'now')").run(AUDIT)).toThrow(/FOREIGN KEY/);
  });
});
