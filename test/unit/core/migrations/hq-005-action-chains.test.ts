// HQ migration 5 (action chains and follow-up links): an HQ that imported
// follow-up audits before keeps every row and gets each one's link to the
// audit it follows from the documents it holds; the new tables refuse what
// an action chain cannot hold.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/db';
import { hqMigrations } from '../../../../electron/core/hq/migrations';

const ORIG = '01900000-0000-7000-8000-00000000000a';
const FU = '01900000-0000-7000-8000-00000000000b';

describe('hq migration 5', () => {
  it('links follow-ups imported earlier and keeps every row', () => {
    const db = new Database(':memory:');
    migrate(db, hqMigrations, 3);
    db.prepare(`INSERT INTO bundles (bundle_id, content_hash, manifest_hash, fingerprint, auditor_id, sequence, created_at, state, received_at, manifest)
      VALUES ('b1', 'c1', 'm', 'fp', 'AUD', 1, '2026-01-01', 'imported', '2026-01-01', '{}')`).run();
    const version = db.prepare(`INSERT INTO audit_versions (audit_id, head_hash, event_count, revision, status, site_name, fingerprint, bundle_id, doc)
      VALUES (?, ?, 3, 1, 'finalized', 'Site', 'fp', 'b1', ?)`);
    version.run(ORIG, 'h1', JSON.stringify({ audit: { id: ORIG, kind: 'full', followUpOf: null } }));
    version.run(FU, 'h2', JSON.stringify({ audit: { id: FU, kind: 'follow_up', followUpOf: ORIG, followUpMode: 'desk_review' } }));
    // An older document without the follow-up fields at all.
    version.run('01900000-0000-7000-8000-00000000000c', 'h3', JSON.stringify({ audit: { id: 'c' } }));
    migrate(db, hqMigrations, 5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT count(*) AS n FROM audit_versions').get()).toEqual({ n: 3 });
    expect(db.prepare('SELECT * FROM hq_follow_up').all()).toEqual([{ audit_id: FU, follow_up_of: ORIG, mode: 'desk_review' }]);
    expect(db.prepare('SELECT count(*) AS n FROM action_events').get()).toEqual({ n: 0 });
    const history = db.prepare(`INSERT INTO hq_action_history (audit_id, seq, action_id, status, status_date, note, verified_by, follow_up_id, at, actor)
      VALUES (?, ?, 'a1', ?, '2026-02-01', '', '', NULL, 'now', 'me')`);
    history.run(ORIG, 1, 'closed');
    expect(() => history.run(ORIG, 2, 'half_done')).toThrow(/CHECK/);
    expect(() => history.run(ORIG, 1, 'open')).toThrow(/UNIQUE|PRIMARY/);
    const closure = db.prepare("INSERT INTO hq_action_closure (audit_id, action_id, status, status_date, verified_by, evidence_count) VALUES (?, ?, ?, '', '', 0)");
    closure.run(ORIG, 'a1', null);
    expect(() => closure.run(ORIG, 'a2', 'done')).toThrow(/CHECK/);
    expect(() => closure.run(ORIG, 'a1', 'closed')).toThrow(/UNIQUE|PRIMARY/);
    db.prepare("INSERT INTO hq_finding_closure (audit_id, finding_id) VALUES (?, 'f1')").run(ORIG);
    expect(() => db.prepare("INSERT INTO hq_finding_closure (audit_id, finding_id) VALUES (?, 'f1')").run(ORIG)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO action_events (audit_id, seq, hash, prev_hash, body, bundle_id) VALUES (?, 0, 'h', 'p', '{}', 'b1')").run(ORIG)).toThrow(/CHECK/);
  });
});
