// HQ migration 6: closure evidence found by its hash. An HQ at 5 holding
// evidence records keeps every row; afterwards the lookup files.ts serves by
// searches the new index (no scan of the table, no sort), and answers as before.
// It also picks again a finding's lead action that was a collaborative one
// (no date) while a dated one was open, in the read model and the fact row.
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

  it('a finding led by a collaborative action while a dated one is open is led by the dated one; others unchanged', () => {
    const db = new Database(':memory:');
    migrate(db, hqMigrations, 5);
    const action = db.prepare(`INSERT INTO hq_action (audit_id, action_id, finding_id, action, owner, due_date, status, verification, root_cause, preventive_action,
      timescale, verification_method, site_acceptance) VALUES (?, ?, ?, 'Act', 'Owner', ?, ?, '', '', '', '', '', '')`);
    const finding = db.prepare(`INSERT INTO hq_finding (audit_id, finding_id, item_id, section_id, severity, zero_tolerance, source, summary, note, is_open, action_id, due_date)
      VALUES (?, ?, 'i1', 's1', 'major', 0, 'answer', '', '', 1, ?, ?)`);
    const fact = db.prepare(`INSERT INTO hq_fact (audit_id, entity, fact_id, finding_id, action_id, superseded, conflict, status, band, start_date, site_id, site_name,
      country, signer_fingerprint, item_id, section_id, clause, severity, zero_tolerance, is_open, due_date, action_status)
      VALUES (?, 'finding', ?, ?, ?, 0, 0, 'finalized', 'C', '2026-01-01', 'site', 'Site', 'IN', 'fp', 'i1', 's1', NULL, 'major', 0, 1, ?, NULL)`);
    // f1: led by its collaborative action, a dated one open beside it (and a closed earlier one, never a lead).
    action.run(A, 'x0', 'f1', '', 'open');
    action.run(A, 'x1', 'f1', '2027-06-30', 'open');
    action.run(A, 'x2', 'f1', '2027-03-01', 'closed');
    finding.run(A, 'f1', 'x0', '');
    fact.run(A, 'f1', 'f1', 'x0', '');
    // f2: only a collaborative action, which stays its lead; f3: led by a date already.
    action.run(A, 'y0', 'f2', '', 'open');
    finding.run(A, 'f2', 'y0', '');
    fact.run(A, 'f2', 'f2', 'y0', '');
    action.run(A, 'z1', 'f3', '2027-01-01', 'in_progress');
    action.run(A, 'z0', 'f3', '', 'open');
    finding.run(A, 'f3', 'z1', '2027-01-01');
    fact.run(A, 'f3', 'f3', 'z1', '2027-01-01');

    migrate(db, hqMigrations, 6);
    const leads = (t: string) => db.prepare(`SELECT finding_id, action_id, due_date FROM ${t} WHERE audit_id = ? ${t === 'hq_fact' ? "AND entity = 'finding'" : ''} ORDER BY finding_id`).all(A);
    const want = [
      { finding_id: 'f1', action_id: 'x1', due_date: '2027-06-30' },
      { finding_id: 'f2', action_id: 'y0', due_date: '' },
      { finding_id: 'f3', action_id: 'z1', due_date: '2027-01-01' },
    ];
    expect(leads('hq_finding')).toEqual(want);
    expect(leads('hq_fact')).toEqual(want);
  });
});
