// Corrective actions after finalize. The finalized audit and its event
// chain never change again, so what happens to its actions later (status,
// dates, who verified, closure evidence) is a second chain per audit, in a
// table of its own, linked by the audit's id. action_tracks and
// closure_evidence are the current state folded from that chain, written in
// the same transaction as each event.
import type { Migration } from './types';

export const m012: Migration = {
  version: 12,
  name: 'action-chain',
  up(db) {
    db.exec(`
      CREATE TABLE action_events (
        audit_id TEXT NOT NULL REFERENCES audits(id),
        seq INTEGER NOT NULL,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        old TEXT,
        new TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (audit_id, seq)
      ) STRICT;
      CREATE TRIGGER action_events_no_update BEFORE UPDATE ON action_events
        BEGIN SELECT RAISE(ABORT, 'action events are append-only'); END;
      CREATE TRIGGER action_events_no_delete BEFORE DELETE ON action_events
        BEGIN SELECT RAISE(ABORT, 'action events are append-only'); END;

      CREATE TABLE action_tracks (
        action_id TEXT PRIMARY KEY REFERENCES corrective_actions(id),
        audit_id TEXT NOT NULL REFERENCES audits(id),
        status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'submitted', 'closed', 'not_closed')),
        status_date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        verified_by TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX action_tracks_audit ON action_tracks(audit_id);

      CREATE TABLE closure_evidence (
        id TEXT PRIMARY KEY,
        action_id TEXT NOT NULL REFERENCES corrective_actions(id),
        audit_id TEXT NOT NULL REFERENCES audits(id),
        sha256 TEXT NOT NULL,
        name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        source TEXT NOT NULL CHECK (source IN ('site_sent', 'on_site')),
        received_at TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX closure_evidence_action ON closure_evidence(action_id);
    `);
  },
};
