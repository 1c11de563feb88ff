// Headquarters keeps its own database (hq.db in its own data folder) with
// its own ordered list of schema steps; the laptop schema never applies here.
import type { Migration } from '../store/migrations/types';
import { hqReadModel } from './read/migration-003';
import { hqActionChains } from './actions-migration';
import { hqFacts } from './read/migration-004';
import { hqClosureShaIndex } from './closure-index-migration';

export const hqMigrations: Migration[] = [
  {
    version: 1,
    name: 'hq',
    up(db) {
      db.exec(`
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

        CREATE TABLE auditors (
          fingerprint TEXT PRIMARY KEY,
          auditor_id TEXT NOT NULL,
          name TEXT NOT NULL,
          public_key TEXT NOT NULL,
          enrolled_at TEXT NOT NULL,
          revoked_at TEXT
        ) STRICT;

        CREATE TABLE bundles (
          bundle_id TEXT PRIMARY KEY,
          content_hash TEXT NOT NULL,
          manifest_hash TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          auditor_id TEXT NOT NULL,
          sequence INTEGER NOT NULL,
          base_bundle_id TEXT,
          created_at TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('imported', 'held')),
          held_reason TEXT,
          held_file TEXT,
          received_at TEXT NOT NULL,
          imported_at TEXT,
          manifest TEXT NOT NULL
        ) STRICT;
        CREATE INDEX bundles_content ON bundles(content_hash);

        -- One row per distinct state of an audit that reached HQ, keyed by
        -- the hash of its newest event. Versions on one chain supersede each
        -- other; versions on diverging chains are all kept and flagged.
        CREATE TABLE audit_versions (
          audit_id TEXT NOT NULL,
          head_hash TEXT NOT NULL,
          event_count INTEGER NOT NULL,
          revision INTEGER NOT NULL,
          previous_id TEXT,
          status TEXT NOT NULL,
          site_name TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          bundle_id TEXT NOT NULL,
          doc TEXT NOT NULL,
          PRIMARY KEY (audit_id, head_hash)
        ) STRICT;

        CREATE TABLE events (
          audit_id TEXT NOT NULL,
          seq INTEGER NOT NULL,
          hash TEXT NOT NULL,
          prev_hash TEXT NOT NULL,
          body TEXT NOT NULL,
          PRIMARY KEY (audit_id, hash)
        ) STRICT;

        CREATE TABLE audits (
          audit_id TEXT PRIMARY KEY,
          current_head TEXT NOT NULL,
          heads INTEGER NOT NULL,
          conflict INTEGER NOT NULL CHECK (conflict IN (0, 1))
        ) STRICT;

        CREATE TABLE photos (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL) STRICT;
        CREATE TABLE reports (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL) STRICT;
      `);
    },
  },
  {
    version: 2,
    name: 'hq-owners',
    up(db) {
      db.exec(`
        -- The key an audit belongs to: the one whose bundle first brought it
        -- (or its previous revision), changed only by an explicit hand-over.
        CREATE TABLE audit_owners (
          audit_id TEXT PRIMARY KEY,
          fingerprint TEXT NOT NULL,
          since TEXT NOT NULL
        ) STRICT;
        CREATE TABLE handovers (
          audit_id TEXT NOT NULL,
          from_fingerprint TEXT NOT NULL,
          to_fingerprint TEXT NOT NULL,
          at TEXT NOT NULL,
          reason TEXT NOT NULL
        ) STRICT;
        -- Audits that reached HQ before owners were kept: the key of their first version.
        INSERT INTO audit_owners (audit_id, fingerprint, since)
          SELECT v.audit_id, v.fingerprint, b.received_at FROM audit_versions v JOIN bundles b ON b.bundle_id = v.bundle_id
          WHERE NOT EXISTS (SELECT 1 FROM audit_versions w JOIN bundles c ON c.bundle_id = w.bundle_id
            WHERE w.audit_id = v.audit_id AND (c.received_at < b.received_at OR (c.received_at = b.received_at AND w.head_hash < v.head_hash)));
        -- Which audit a stored report PDF was verified for.
        ALTER TABLE reports ADD COLUMN audit_id TEXT;
      `);
    },
  },
  hqReadModel,
  hqFacts,
  hqActionChains,
  hqClosureShaIndex,
];
