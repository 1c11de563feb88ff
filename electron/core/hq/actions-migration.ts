// HQ schema step 5: what happens to a finalized audit's corrective actions
// after it (the laptop's action chain), and which audit a follow-up follows.
// - action_events: each audit's action chain as received, verified link by
//   link on import (one chain per audit: an event at a held sequence with
//   another hash is refused, never kept beside it).
// - hq_action_history: every status an action took, in chain order.
// - hq_closure_evidence: the evidence of closure recorded (files stay on the laptop).
// - hq_action_closure: where each action stands now (folded from the two
//   above), one row per action, and hq_finding_closure, the findings all of
//   whose actions are closed, so the tracker leaves them out with one
//   primary-key probe per row.
// - hq_follow_up: a follow-up audit and the audit it follows.
import type { Migration } from '../store/migrations/types';

export const hqActionChains: Migration = {
  version: 5,
  name: 'hq-action-chains',
  up(db) {
    db.exec(`
      CREATE TABLE action_events (
        audit_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        hash TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        body TEXT NOT NULL,
        bundle_id TEXT NOT NULL,
        PRIMARY KEY (audit_id, seq)
      ) STRICT;

      CREATE TABLE hq_action_history (
        audit_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        action_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'submitted', 'closed', 'not_closed')),
        status_date TEXT NOT NULL,
        note TEXT NOT NULL,
        verified_by TEXT NOT NULL,
        -- From a follow-up: the audit that verified, and what it found.
        follow_up_id TEXT,
        verification TEXT NOT NULL DEFAULT '' CHECK (verification IN ('', 'closed', 'partially_closed', 'not_closed')),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        PRIMARY KEY (audit_id, seq)
      ) STRICT;
      CREATE INDEX hq_action_history_action ON hq_action_history(audit_id, action_id, seq);

      CREATE TABLE hq_closure_evidence (
        audit_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        evidence_id TEXT NOT NULL,
        action_id TEXT NOT NULL,
        name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        source TEXT NOT NULL,
        received_at TEXT NOT NULL,
        description TEXT NOT NULL,
        PRIMARY KEY (audit_id, seq)
      ) STRICT;
      CREATE INDEX hq_closure_evidence_action ON hq_closure_evidence(audit_id, action_id);

      CREATE TABLE hq_action_closure (
        audit_id TEXT NOT NULL,
        action_id TEXT NOT NULL,
        -- NULL: evidence arrived but the status is still the finalized plan's.
        status TEXT CHECK (status IS NULL OR status IN ('open', 'in_progress', 'submitted', 'closed', 'not_closed')),
        status_date TEXT NOT NULL,
        verified_by TEXT NOT NULL,
        follow_up_id TEXT,
        evidence_count INTEGER NOT NULL CHECK (evidence_count >= 0),
        PRIMARY KEY (audit_id, action_id)
      ) STRICT;
      CREATE INDEX hq_action_closure_status ON hq_action_closure(audit_id, status);
      -- Findings each of whose actions is closed, in the plan or since: no longer open for the tracker.
      CREATE TABLE hq_finding_closure (
        audit_id TEXT NOT NULL,
        finding_id TEXT NOT NULL,
        PRIMARY KEY (audit_id, finding_id)
      ) STRICT;

      CREATE TABLE hq_follow_up (
        audit_id TEXT PRIMARY KEY,
        follow_up_of TEXT NOT NULL,
        mode TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hq_follow_up_of ON hq_follow_up(follow_up_of);

      -- Follow-ups imported before this step travelled as ordinary audits: their documents name the original.
      INSERT OR IGNORE INTO hq_follow_up (audit_id, follow_up_of, mode)
        SELECT audit_id, json_extract(doc, '$.audit.followUpOf'), COALESCE(json_extract(doc, '$.audit.followUpMode'), '')
        FROM audit_versions WHERE json_extract(doc, '$.audit.followUpOf') IS NOT NULL ORDER BY audit_id, head_hash;
    `);
  },
};
