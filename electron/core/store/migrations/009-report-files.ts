// Every report file written to DATA/reports, by the audit and revision it
// belongs to. A bundle finds an audit's signed report through this record,
// never by rebuilding a file name from the site name (names of different
// sites can slug alike).
import type { Migration } from './types';

export const m009: Migration = {
  version: 9,
  name: 'report-files',
  up(db) {
    db.exec(`
      CREATE TABLE report_files (
        name TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX report_files_audit ON report_files (audit_id, revision, signed, created_at);
    `);
  },
};
