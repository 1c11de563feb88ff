// Migration 004 (evidence): photo rows made under schema 3 keep their data
// and get the new columns' defaults; documents and photo files appear.
import { describe, expect, it } from 'vitest';
import { AUDIT, databaseAt, upTo } from './seed';

describe('004-evidence', () => {
  it('extends photos in place and adds documents and photo files', () => {
    const db = databaseAt(3);
    db.prepare("INSERT INTO photos (id, audit_id, sha256, scope, ref, caption, captured_at, created_at) VALUES ('p1', ?, ?, 'item', 'hs.fire-exits', 'Exit', NULL, 'now')").run(AUDIT, 'a'.repeat(64));
    expect(upTo(db, 4)).toBe(4);
    expect(db.prepare('SELECT id, caption, capture_source, original_name, finding_id, document_id FROM photos').get())
      .toEqual({ id: 'p1', caption: 'Exit', capture_source: 'added', original_name: '', finding_id: null, document_id: null });
    db.prepare("INSERT INTO documents (id, audit_id, kind, title, created_at, updated_at) VALUES ('d1', ?, 'payroll_sample', 'Payroll', 'now', 'now')").run(AUDIT);
    db.prepare("UPDATE photos SET document_id = 'd1' WHERE id = 'p1'").run();
    expect(() => db.prepare("UPDATE photos SET document_id = 'missing' WHERE id = 'p1'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE photos SET capture_source = 'guessed' WHERE id = 'p1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO photo_files (sha256, ext, format, bytes, width, height, created_at) VALUES ('short', 'jpg', 'jpeg', 1, 1, 1, 'now')").run()).toThrow(/CHECK/);
  });
});
