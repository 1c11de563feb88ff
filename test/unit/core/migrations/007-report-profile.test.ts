// Migration 007 (report profile): corrective actions written under the
// schema before it keep every value and get the CAPR columns' defaults; the
// new tables accept what the app writes and refuse what it never should.
import { describe, expect, it } from 'vitest';
import { AUDIT, databaseAt, upTo } from './seed';

describe('007-report-profile', () => {
  it('extends corrective actions in place and adds profiles, credentials and acknowledgements', () => {
    const db = databaseAt(5);
    db.prepare("INSERT INTO findings (id, audit_id, item_id, section_id, severity, source, summary, created_at, updated_at) VALUES ('f1', ?, 'hs.drills', 'hs', 'major', 'answer', 'No drill', 'now', 'now')").run(AUDIT);
    db.prepare("INSERT INTO corrective_actions (id, audit_id, finding_id, action, owner, due_date, status, verification, created_at, updated_at) VALUES ('a1', ?, 'f1', 'Hold drills', 'Facilities', '2026-07-01', 'open', 'Drill log', 'now', 'now')").run(AUDIT);
    expect(upTo(db, 7)).toBe(7);
    expect(db.prepare('SELECT action, owner, due_date, status, verification, objective_evidence, root_cause, preventive_action, timescale, verification_method, site_comments, site_acceptance FROM corrective_actions').get()).toEqual({
      action: 'Hold drills', owner: 'Facilities', due_date: '2026-07-01', status: 'open', verification: 'Drill log',
      objective_evidence: '', root_cause: '', preventive_action: '', timescale: '', verification_method: '', site_comments: '', site_acceptance: 'pending',
    });
    expect(() => db.prepare("UPDATE corrective_actions SET verification_method = 'phone call'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE corrective_actions SET site_acceptance = 'maybe'").run()).toThrow(/CHECK/);

    db.prepare("INSERT INTO audit_profiles (audit_id, site, declaration, updated_at) VALUES (?, '{\"legalEntity\":\"X\"}', '{}', 'now')").run(AUDIT);
    expect(() => db.prepare("INSERT INTO audit_profiles (audit_id, site, declaration, updated_at) VALUES ('missing', '{}', '{}', 'now')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE audit_profiles SET site = 'not json'").run()).toThrow(/CHECK/);

    db.prepare("INSERT INTO auditor_credentials (id, scheme, number, updated_at) VALUES (1, 'apsca', '21701234', 'now')").run();
    expect(() => db.prepare("INSERT INTO auditor_credentials (id, scheme, updated_at) VALUES (2, 'apsca', 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE auditor_credentials SET scheme = 'self-declared'").run()).toThrow(/CHECK/);

    db.prepare("INSERT INTO consistency_acks (audit_id, key, note, acknowledged_at) VALUES (?, 'photo:p1', 'Camera clock was wrong', 'now')").run(AUDIT);
    expect(() => db.prepare("INSERT INTO consistency_acks (audit_id, key, note, acknowledged_at) VALUES (?, 'photo:p1', 'again', 'now')").run(AUDIT)).toThrow(/UNIQUE|PRIMARY/);
  });
});
