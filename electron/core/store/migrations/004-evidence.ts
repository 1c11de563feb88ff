// Evidence: the content-addressed files behind photos (one row per distinct
// SHA-256, with what was read from the file), how a photo is attached
// (finding, document), its annotated copy, and the documents reviewed.
// finding_id has no foreign key on purpose: findings come and go with the
// answer, and the photo then stays as evidence of the item (scope 'item').
import type { Migration } from './types';

export const m004: Migration = {
  version: 4,
  name: 'evidence',
  up(db) {
    db.exec(`
      CREATE TABLE photo_files (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        ext TEXT NOT NULL,
        format TEXT NOT NULL,
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        taken_at TEXT,
        gps_lat REAL,
        gps_lon REAL,
        gps_alt REAL,
        source_sha256 TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id),
        kind TEXT NOT NULL CHECK (kind IN ('payroll_sample', 'time_records', 'contracts', 'policies', 'licences', 'training_records', 'other')),
        title TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        item_ids TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX documents_audit ON documents(audit_id);

      ALTER TABLE photos ADD COLUMN finding_id TEXT;
      ALTER TABLE photos ADD COLUMN document_id TEXT REFERENCES documents(id);
      ALTER TABLE photos ADD COLUMN capture_source TEXT NOT NULL DEFAULT 'added' CHECK (capture_source IN ('exif', 'added'));
      ALTER TABLE photos ADD COLUMN original_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE photos ADD COLUMN annotated_sha256 TEXT;
      ALTER TABLE photos ADD COLUMN annotation TEXT;
      ALTER TABLE photos ADD COLUMN updated_at TEXT;
      CREATE INDEX photos_sha ON photos(sha256);
      CREATE INDEX photos_annotated ON photos(annotated_sha256) WHERE annotated_sha256 IS NOT NULL;
    `);
  },
};
