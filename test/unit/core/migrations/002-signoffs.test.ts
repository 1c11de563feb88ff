// Migration 002 (sign-offs): from schema 1 with an audit to one drawn
// signature per role per audit, each pointing at an existing audit.
import { describe, expect, it } from 'vitest';
import { AUDIT, databaseAt, upTo } from './seed';

const insert = "INSERT INTO signoffs (audit_id, role, name, title, has_authority, png, png_sha256, signed_at) VALUES (?, ?, 'R. Cruz', 'Site director', ?, x'89504e47', 'h', 'now')";

describe('002-signoffs', () => {
  it('adds sign-offs without touching existing audits', () => {
    const db = databaseAt(1);
    expect(() => db.prepare('SELECT 1 FROM signoffs').get()).toThrow(/no such table/);
    expect(upTo(db, 2)).toBe(2);
    expect(db.prepare('SELECT id, status FROM audits').all()).toEqual([{ id: AUDIT, status: 'in_progress' }]);
    db.prepare(insert).run(AUDIT, 'site_rep', 1);
    db.prepare(insert).run(AUDIT, 'auditor', 0);
    expect(db.prepare('SELECT role, has_authority, title FROM signoffs ORDER BY role').all()).toEqual([
      { role: 'auditor', has_authority: 0, title: 'Site director' },
      { role: 'site_rep', has_authority: 1, title: 'Site director' },
    ]);
  });

  it('keeps one signature per role, known roles only, and only for an audit that exists', () => {
    const db = databaseAt(1);
    upTo(db, 2);
    db.prepare(insert).run(AUDIT, 'auditor', 0);
    expect(() => db.prepare(insert).run(AUDIT, 'auditor', 0)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare(insert).run(AUDIT, 'witness', 0)).toThrow(/CHECK/);
    expect(() => db.prepare(insert).run(AUDIT, 'site_rep', 2)).toThrow(/CHECK/);
    expect(() => db.prepare(insert).run('01900000-0000-7000-8000-00000000dead', 'site_rep', 1)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO signoffs (audit_id, role, name, png, png_sha256, signed_at) VALUES (?, 'site_rep', 'X', 'not a blob', 'h', 'now')").run(AUDIT)).toThrow(/cannot store TEXT value in BLOB column/);
  });
});
