// Migration 014 (audit counts): each audit's answered items and findings are
// filled from what the database holds, and from then on triggers keep them
// with every insert, change and delete, in the same transaction.
import { describe, expect, it } from 'vitest';
import { AUDIT, databaseAt, upTo } from './seed';

const OTHER = '01900000-0000-7000-8000-00000000a002';

function seeded() {
  const db = databaseAt(13);
  db.prepare("INSERT INTO audits (id, site_id, template_id, status, type, start_date, end_date, created_at, updated_at) VALUES (?, 's', 't', 'draft', 'announced', '2025-01-01', '2025-01-02', 'now', 'now')").run(OTHER);
  const answer = db.prepare("INSERT INTO responses (id, audit_id, item_id, value, updated_at, updated_by) VALUES (?, ?, ?, ?, 'now', 'me')");
  answer.run('r1', AUDIT, 'i1', '{"kind":"text","text":"a"}');
  answer.run('r2', AUDIT, 'i2', '{"kind":"text","text":"b"}');
  answer.run('r3', AUDIT, 'i3', null); // a note without an answer is not an answered item
  db.prepare("INSERT INTO findings (id, audit_id, item_id, section_id, source, summary, created_at, updated_at) VALUES ('f1', ?, 'i1', 's1', 'answer', 'x', 'now', 'now')").run(AUDIT);
  return db;
}

const counts = (db: ReturnType<typeof databaseAt>) =>
  db.prepare('SELECT id, answered_count AS answered, finding_count AS findings FROM audits ORDER BY id').all();

describe('migration 014: audit counts', () => {
  it('fills the counts from the answers and findings already there', () => {
    const db = seeded();
    expect(upTo(db, 14)).toBe(14);
    expect(counts(db)).toEqual([{ id: AUDIT, answered: 2, findings: 1 }, { id: OTHER, answered: 0, findings: 0 }]);
  });

  it('keeps them with every answer and finding written afterwards, and with none that changes only a text', () => {
    const db = seeded();
    upTo(db, 14);
    const answered = () => (db.prepare('SELECT answered_count AS n FROM audits WHERE id = ?').get(AUDIT) as { n: number }).n;
    db.prepare("UPDATE responses SET value = '{}' WHERE id = 'r3'").run(); // answered now
    expect(answered()).toBe(3);
    db.prepare("UPDATE responses SET note = 'changed', value = '{\"kind\":\"text\",\"text\":\"c\"}' WHERE id = 'r1'").run();
    expect(answered()).toBe(3);
    db.prepare("UPDATE responses SET value = NULL WHERE id = 'r2'").run(); // answer cleared
    expect(answered()).toBe(2);
    db.prepare("INSERT INTO responses (id, audit_id, item_id, value, updated_at, updated_by) VALUES ('r4', ?, 'i4', '{}', 'now', 'me')").run(OTHER);
    db.prepare("DELETE FROM responses WHERE id = 'r1'").run();
    db.prepare("DELETE FROM findings WHERE id = 'f1'").run();
    db.prepare("INSERT INTO findings (id, audit_id, item_id, section_id, source, summary, created_at, updated_at) VALUES ('f2', ?, 'i4', 's1', 'answer', 'x', 'now', 'now')").run(OTHER);
    expect(counts(db)).toEqual([{ id: AUDIT, answered: 1, findings: 0 }, { id: OTHER, answered: 1, findings: 1 }]);
    // A rolled-back write leaves the counts as they were.
    expect(() => db.transaction(() => {
      db.prepare("INSERT INTO findings (id, audit_id, item_id, section_id, source, summary, created_at, updated_at) VALUES ('f3', ?, 'i9', 's1', 'answer', 'x', 'now', 'now')").run(AUDIT);
      throw new Error('rejected');
    })()).toThrow('rejected');
    expect(counts(db)).toEqual([{ id: AUDIT, answered: 1, findings: 0 }, { id: OTHER, answered: 1, findings: 1 }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
