// Migration 011 (audit list): the last change of each audit is filled from
// what the database holds (the later of the audit row, its answers and its
// events), and from then on a trigger keeps it with every event in the same
// transaction; the indexes for the home screen and for incremental bundles
// exist. Steps 6–10 land with other work; on this registry 5 is the step
// before.
import { describe, expect, it } from 'vitest';
import { appendEvent } from '../../../../electron/core/store/events';
import { AUDIT, databaseAt, upTo } from './seed';
import { FILL_LAST_CHANGE } from '../../../../electron/core/store/migrations/011-audit-list';

const OTHER = '01900000-0000-7000-8000-00000000a002';

function seeded() {
  const db = databaseAt(5);
  db.prepare("INSERT INTO audits (id, site_id, template_id, status, type, start_date, end_date, created_at, updated_at) VALUES (?, 's', 't', 'finalized', 'announced', '2025-01-01', '2025-01-02', '2025-01-01T08:00:00.000Z', '2025-01-03T08:00:00.000Z')").run(OTHER);
  db.prepare("UPDATE audits SET updated_at = '2026-01-01T09:00:00.000Z' WHERE id = ?").run(AUDIT);
  // An answer later than the audit row, and an event later still (a note).
  db.prepare("INSERT INTO responses (id, audit_id, item_id, value, updated_at, updated_by) VALUES ('r1', ?, 'i1', '{}', '2026-01-02T10:00:00.000Z', 'me')").run(AUDIT);
  db.transaction(() => {
    appendEvent(db, { auditId: AUDIT, actor: 'me', entity: 'response', entityId: 'r1', action: 'update', old: null, new: {}, at: '2026-01-02T10:00:00.000Z' });
    appendEvent(db, { auditId: AUDIT, actor: 'me', entity: 'note', entityId: 'n1', action: 'create', old: null, new: {}, at: '2026-01-05T11:00:00.000Z' });
  })();
  return db;
}

describe('migration 011: audit list', () => {
  it('fills last_change_at from the audit row, its answers and its events', () => {
    const db = seeded();
    expect(upTo(db, 11)).toBe(11);
    const rows = db.prepare('SELECT id, last_change_at FROM audits ORDER BY id').all();
    expect(rows).toEqual([
      { id: AUDIT, last_change_at: '2026-01-05T11:00:00.000Z' },
      { id: OTHER, last_change_at: '2025-01-03T08:00:00.000Z' },
    ]);
  });

  it('fills it through the indexes: each audit reads its own answers and events, not all of them', () => {
    const db = seeded();
    upTo(db, 11);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${FILL_LAST_CHANGE}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH e USING INDEX events_chain \(<expr>=\?\)/);
    expect(plan).toMatch(/SEARCH r USING .*INDEX sqlite_autoindex_responses_\d \(audit_id=\?\)/);
  });

  it('keeps the head of each chain in the audit row, filled by the migration and moved by every event', () => {
    const db = seeded();
    upTo(db, 11);
    const head = (id: string) => db.prepare('SELECT head_seq AS seq, head_hash AS hash FROM audits WHERE id = ?').get(id);
    const last = db.prepare("SELECT seq, hash FROM events WHERE audit_id = ? ORDER BY seq DESC LIMIT 1").get(AUDIT) as { seq: number; hash: string };
    expect(last.seq).toBe(2);
    expect(head(AUDIT)).toEqual(last);
    expect(head(OTHER)).toEqual({ seq: 0, hash: null }); // no events yet
    const e = db.transaction(() => appendEvent(db, { auditId: OTHER, actor: 'me', entity: 'audit', entityId: OTHER, action: 'create', old: null, new: {} }))();
    expect(head(OTHER)).toEqual({ seq: 1, hash: e.hash });
    expect(head(AUDIT)).toEqual(last);
  });

  it('keeps last_change_at with every event of the audit, in the same transaction, never going back', () => {
    const db = seeded();
    upTo(db, 11);
    const at = () => (db.prepare('SELECT last_change_at AS t FROM audits WHERE id = ?').get(AUDIT) as { t: string }).t;
    db.transaction(() => appendEvent(db, { auditId: AUDIT, actor: 'me', entity: 'response', entityId: 'r1', action: 'update', old: null, new: {}, at: '2026-02-01T00:00:00.000Z' }))();
    expect(at()).toBe('2026-02-01T00:00:00.000Z');
    // A rolled-back change leaves the time as it was.
    expect(() => db.transaction(() => {
      appendEvent(db, { auditId: AUDIT, actor: 'me', entity: 'response', entityId: 'r1', action: 'update', old: null, new: {}, at: '2026-03-01T00:00:00.000Z' });
      throw new Error('rejected');
    })()).toThrow('rejected');
    expect(at()).toBe('2026-02-01T00:00:00.000Z');
    // A clock set back does not move it backwards; events of no audit touch no audit.
    db.transaction(() => appendEvent(db, { auditId: AUDIT, actor: 'me', entity: 'note', entityId: 'n2', action: 'create', old: null, new: {}, at: '2025-06-01T00:00:00.000Z' }))();
    db.transaction(() => appendEvent(db, { auditId: null, actor: 'me', entity: 'profile', entityId: 'p', action: 'update', old: null, new: {}, at: '2027-01-01T00:00:00.000Z' }))();
    expect(at()).toBe('2026-02-01T00:00:00.000Z');
  });

  it('adds the indexes of the home screen and of incremental bundles', () => {
    const db = seeded();
    upTo(db, 11);
    const idx = (db.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND name IN ('audits_start', 'audits_status_start', 'bundle_out_audits_audit', 'bundle_out_files_sha') ORDER BY name").all());
    expect(idx).toEqual([
      { name: 'audits_start', tbl_name: 'audits' },
      { name: 'audits_status_start', tbl_name: 'audits' },
      { name: 'bundle_out_audits_audit', tbl_name: 'bundle_out_audits' },
      { name: 'bundle_out_files_sha', tbl_name: 'bundle_out_files' },
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
