// Migration 009 (report files): from the step before it, with an audit, to
// the record of report files by audit and revision.
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/core/store/migrations/index';
import { AUDIT, databaseAt, upTo } from './seed';

describe('009-report-files', () => {
  it('adds the report record without touching existing audits', () => {
    const before = migrations[migrations.findIndex((m) => m.version === 9) - 1]!.version;
    const db = databaseAt(before);
    expect(upTo(db, 9)).toBe(9);
    expect(db.prepare('SELECT id, status FROM audits').all()).toEqual([{ id: AUDIT, status: 'in_progress' }]);
    const insert = db.prepare("INSERT INTO report_files (name, audit_id, revision, signed, sha256, size, created_at) VALUES (?, ?, 1, 1, ?, 10, 'now')");
    insert.run('a.pdf', AUDIT, 'a'.repeat(64));
    expect(() => insert.run('a.pdf', AUDIT, 'b'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => insert.run('b.pdf', 'no-such-audit', 'b'.repeat(64))).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('c.pdf', AUDIT, 'short')).toThrow(/CHECK/);
  });
});
