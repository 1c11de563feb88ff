// Migration 013 (follow-up): existing actions are not collaborative and keep
// their due dates, existing audits are full audits, and follow-up items
// accept only the three verifications.
import { describe, expect, it } from 'vitest';
import { AUDIT, databaseAt, upTo } from './seed';

describe('migration 013: follow-up audits and collaborative actions', () => {
  it('defaults existing rows and links a follow-up to its audit', () => {
    const db = databaseAt(12);
    db.prepare("INSERT INTO findings (id, audit_id, item_id, section_id, severity, source, summary, created_at, updated_at) VALUES ('f1', ?, 'i1', 's1', 'major', 'answer', 'Exit blocked', 'now', 'now')").run(AUDIT);
    db.prepare("INSERT INTO corrective_actions (id, audit_id, finding_id, action, owner, due_date, status, created_at, updated_at) VALUES ('a1', ?, 'f1', 'Clear exit', 'HR', '2026-02-01', 'open', 'now', 'now')").run(AUDIT);
    expect(upTo(db, 13)).toBe(13);
    expect(db.prepare('SELECT due_date, collaborative, review_date FROM corrective_actions').get()).toEqual({ due_date: '2026-02-01', collaborative: 0, review_date: '' });
    expect(db.prepare('SELECT kind, follow_up_of, follow_up_mode FROM audits').get()).toEqual({ kind: 'full', follow_up_of: null, follow_up_mode: '' });
    db.prepare("INSERT INTO audits (id, site_id, template_id, status, type, start_date, end_date, created_at, updated_at, kind, follow_up_of, follow_up_mode) VALUES ('fu', 's', 't', 'draft', 'announced', '2026-03-01', '2026-03-01', 'now', 'now', 'follow_up', ?, 'desk_review')").run(AUDIT);
    expect(() => db.prepare("INSERT INTO audits (id, site_id, template_id, status, type, start_date, end_date, created_at, updated_at, kind, follow_up_of) VALUES ('x', 's', 't', 'draft', 'announced', '2026-03-01', '2026-03-01', 'now', 'now', 'follow_up', 'nope')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO followup_items (id, audit_id, finding_id, verification, updated_at) VALUES ('i', 'fu', 'f1', 'partially_closed', 'now')").run();
    expect(() => db.prepare("UPDATE followup_items SET verification = 'half'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE corrective_actions SET collaborative = 2").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO followup_items (id, audit_id, finding_id, updated_at) VALUES ('j', 'fu', 'f1', 'now')").run()).toThrow(/UNIQUE/);
  });
});
