// What a brand's compliance manager expects in the report beyond the
// checklist: the site and workforce profile and the audit's declaration
// (limitations, disclaimer, distribution) per audit; the auditor's
// credentials and independence statement (one row, like the profile); the
// CAPR fields of SMETA's shape on each corrective action; and the
// consistency warnings the auditor acknowledged before finalizing.
// Profiles are JSON validated by shared/domain/audit-profile.ts on every
// write: the form grows without a schema step per field.
import type { Migration } from './types';

export const m007: Migration = {
  version: 7,
  name: 'report-profile',
  up(db) {
    db.exec(`
      CREATE TABLE audit_profiles (
        audit_id TEXT PRIMARY KEY REFERENCES audits(id),
        site TEXT NOT NULL CHECK (json_valid(site)),
        declaration TEXT NOT NULL CHECK (json_valid(declaration)),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE auditor_credentials (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        scheme TEXT NOT NULL CHECK (scheme IN ('apsca', 'other', 'none')),
        number TEXT NOT NULL DEFAULT '',
        other_scheme TEXT NOT NULL DEFAULT '',
        independence TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE corrective_actions ADD COLUMN objective_evidence TEXT NOT NULL DEFAULT '';
      ALTER TABLE corrective_actions ADD COLUMN root_cause TEXT NOT NULL DEFAULT '';
      ALTER TABLE corrective_actions ADD COLUMN preventive_action TEXT NOT NULL DEFAULT '';
      ALTER TABLE corrective_actions ADD COLUMN timescale TEXT NOT NULL DEFAULT '';
      ALTER TABLE corrective_actions ADD COLUMN verification_method TEXT NOT NULL DEFAULT ''
        CHECK (verification_method IN ('', 'document', 'follow_up_visit', 'desk_review'));
      ALTER TABLE corrective_actions ADD COLUMN site_comments TEXT NOT NULL DEFAULT '';
      ALTER TABLE corrective_actions ADD COLUMN site_acceptance TEXT NOT NULL DEFAULT 'pending'
        CHECK (site_acceptance IN ('pending', 'accepted', 'disputed'));

      CREATE TABLE consistency_acks (
        audit_id TEXT NOT NULL REFERENCES audits(id),
        key TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        acknowledged_at TEXT NOT NULL,
        PRIMARY KEY (audit_id, key)
      ) STRICT;
    `);
  },
};
