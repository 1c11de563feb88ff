// Drawn signatures captured at the closing meeting: one per role per audit.
// The site representative also confirms the authority to implement the
// corrective actions; the PNG is what the signature pad produced.
import type { Migration } from './types';

export const m002: Migration = {
  version: 2,
  name: 'signoffs',
  up(db) {
    db.exec(`
      CREATE TABLE signoffs (
        audit_id TEXT NOT NULL REFERENCES audits(id),
        role TEXT NOT NULL CHECK (role IN ('auditor', 'site_rep')),
        name TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        has_authority INTEGER NOT NULL DEFAULT 0 CHECK (has_authority IN (0, 1)),
        png BLOB NOT NULL,
        png_sha256 TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        PRIMARY KEY (audit_id, role)
      ) STRICT;
    `);
  },
};
