// HQ migration 6: closure evidence found by its hash. An HQ at 5 holding
// evidence records keeps every row; afterwards the lookup files.ts serves by
// searches the new index (no scan of the table, no sort), and answers as before.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/db';
import { hqMigrations } from '../../../../electron/core/hq/migrations';
import { EVIDENCE_BY_SHA } from '../../../../electron/core/hq/read/files';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const SHA = 'ab'.repeat(32);

const plan = (db: Database.Database): string[] => (db.prepare(`EXPLAIN QUERY PLAN ${EVIDENCE_BY_SHA}`).all(SHA) as Array<{ detail: string }>).map((r) => r.detail);

describe('hq migration 6', () => {
  it('keeps every evidence record and serves by hash through the index', () => {
    const db = new Database(':memory:');
    migrate(db, hqMigrations, 5);
    const ins = db.prepare(`INSERT INTO hq_closure_evidence (audit_id, seq, evidence_id, action_id, name, media_type, size, sha256, source, received_at, description)
      VALUES (?, ?, ?, 'a1', ?, 'application/pdf', 10, ?, 'site_sent', '2026-02-01', '')`);
    ins.run(B, 1, 'e1', 'later.pdf', SHA);
    ins.run(A, 2, 'e2', 'first.pdf', SHA);
    ins.run(A, 1, 'e3', 'other.pdf', 'cd'.repeat(32));
    const before = db.prepare('SELECT * FROM hq_closure_evidence ORDER BY audit_id, seq').all();
    // Before: the whole table read for one hash.
    expect(plan(db).join(' | ')).not.toMatch(/hq_closure_evidence_sha/);

    migrate(db, hqMigrations, 6);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT * FROM hq_closure_evidence ORDER BY audit_id, seq').all()).toEqual(before);
    const after = plan(db);
    expect(after).toEqual([expect.stringMatching(/^SEARCH hq_closure_evidence USING INDEX hq_closure_evidence_sha \(sha256=\?\)$/)]);
    expect(after.join(' | ')).not.toMatch(/TEMP B-TREE|SCAN/);
    expect(db.prepare(EVIDENCE_BY_SHA).get(SHA)).toEqual({ media_type: 'application/pdf', name: 'first.pdf' });
  });
});
