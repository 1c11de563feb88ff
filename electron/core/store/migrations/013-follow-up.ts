// Follow-up audits and collaborative actions.
// - corrective_actions.collaborative / review_date: a finding that needs
//   collaborative action (SMETA 7.0) has no fixed closing date; its due
//   date is '' and a progress review date is set instead.
// - audits.kind / follow_up_of / follow_up_mode: a follow-up is an audit of
//   its own (own chain, own signed report) made from a finalized audit.
// - followup_items: per original finding, the follow-up's verification.
import type { Migration } from './types';

export const m013: Migration = {
  version: 13,
  name: 'follow-up',
  up(db) {
    db.exec(`
      ALTER TABLE corrective_actions ADD COLUMN collaborative INTEGER NOT NULL DEFAULT 0 CHECK (collaborative IN (0, 1));
      ALTER TABLE corrective_actions ADD COLUMN review_date TEXT NOT NULL DEFAULT '';

      ALTER TABLE audits ADD COLUMN kind TEXT NOT NULL DEFAULT 'full' CHECK (kind IN ('full', 'follow_up'));
      ALTER TABLE audits ADD COLUMN follow_up_of TEXT REFERENCES audits(id);
      ALTER TABLE audits ADD COLUMN follow_up_mode TEXT NOT NULL DEFAULT '' CHECK (follow_up_mode IN ('', 'on_site', 'desk_review'));
      CREATE INDEX audits_follow_up_of ON audits(follow_up_of) WHERE follow_up_of IS NOT NULL;

      CREATE TABLE followup_items (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id),
        finding_id TEXT NOT NULL REFERENCES findings(id),
        verification TEXT NOT NULL DEFAULT '' CHECK (verification IN ('', 'closed', 'partially_closed', 'not_closed')),
        note TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        UNIQUE (audit_id, finding_id)
      ) STRICT;
    `);
  },
};
