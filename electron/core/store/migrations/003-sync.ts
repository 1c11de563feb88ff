// The laptop side of sync: every bundle made (the outbox, with its upload
// state) and what each one carried, so the next bundle can be incremental to
// the last one headquarters acknowledged.
import type { Migration } from './types';

export const m003: Migration = {
  version: 3,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE bundles_out (
        bundle_id TEXT PRIMARY KEY,
        sequence INTEGER NOT NULL UNIQUE CHECK (sequence >= 1),
        base_bundle_id TEXT REFERENCES bundles_out(bundle_id),
        created_at TEXT NOT NULL,
        path TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        size INTEGER NOT NULL,
        encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
        audit_count INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'uploading', 'sent', 'failed')),
        progress REAL NOT NULL DEFAULT 0,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        sent_at TEXT,
        acked_at TEXT
      ) STRICT;

      CREATE TABLE bundle_out_audits (
        bundle_id TEXT NOT NULL REFERENCES bundles_out(bundle_id),
        audit_id TEXT NOT NULL,
        head_hash TEXT NOT NULL,
        event_count INTEGER NOT NULL,
        PRIMARY KEY (bundle_id, audit_id)
      ) STRICT;

      CREATE TABLE bundle_out_files (
        bundle_id TEXT NOT NULL REFERENCES bundles_out(bundle_id),
        sha256 TEXT NOT NULL,
        PRIMARY KEY (bundle_id, sha256)
      ) STRICT;
    `);
  },
};
