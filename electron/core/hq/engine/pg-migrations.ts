// HQ's PostgreSQL schema, its own numbered series (PG 1, PG 2, …), the same
// tables and keys as the SQLite file (HQ 1–5) so one merge writes both:
// PG 1 holds the data (SQLite's 1 and 2), PG 2 the read model (SQLite's 3),
// projecting the audits imported before it, PG 3 the facts and the action
// chains (SQLite's 4 and 5, pg-migration-003.ts), PG 4 the change log the
// app's read replica follows (pg-migration-004.ts; no SQLite counterpart), PG 5 the
// index on closure evidence hashes and findings' lead actions picked again (SQLite's 6), PG 6 the change log's
// hand-over entries (pg-migration-006.ts; no SQLite counterpart). Text stays text (ISO times
// compare as strings on both engines); flags are integers 0/1 as in SQLite.
import type pg from 'pg';
import { projectOnServer } from './pg-project';
import { pgActionChains } from './pg-migration-003';
import { pgChangeLog } from './pg-migration-004';
import { pgHandoverChanges } from './pg-migration-006';
import { CLOSURE_SHA_INDEX } from '../closure-index-migration';
import { REPICK_LEAD_SQL } from '../read/lead-action';

export interface PgMigration {
  version: number;
  name: string;
  up(c: pg.PoolClient): Promise<void>;
}

export const pgMigrations: PgMigration[] = [
  {
    version: 1,
    name: 'hq',
    async up(c) {
      await c.query(`
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE auditors (
          fingerprint TEXT PRIMARY KEY, auditor_id TEXT NOT NULL, name TEXT NOT NULL, public_key TEXT NOT NULL,
          enrolled_at TEXT NOT NULL, revoked_at TEXT
        );
        -- The bundle id is the key every importer races on: a second insert of it is a conflict, never a second row.
        CREATE TABLE bundles (
          bundle_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, manifest_hash TEXT NOT NULL, fingerprint TEXT NOT NULL,
          auditor_id TEXT NOT NULL, sequence INTEGER NOT NULL, base_bundle_id TEXT, created_at TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('imported', 'held')), held_reason TEXT, held_file TEXT,
          received_at TEXT NOT NULL, imported_at TEXT, manifest TEXT NOT NULL
        );
        CREATE INDEX bundles_content ON bundles(content_hash);
        CREATE INDEX bundles_held ON bundles(state, sequence) WHERE state = 'held';
        CREATE TABLE audit_versions (
          audit_id TEXT NOT NULL, head_hash TEXT NOT NULL, event_count INTEGER NOT NULL, revision INTEGER NOT NULL,
          previous_id TEXT, status TEXT NOT NULL, site_name TEXT NOT NULL, fingerprint TEXT NOT NULL, bundle_id TEXT NOT NULL,
          doc TEXT NOT NULL, PRIMARY KEY (audit_id, head_hash)
        );
        CREATE INDEX audit_versions_previous ON audit_versions(previous_id);
        CREATE TABLE events (
          audit_id TEXT NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL, prev_hash TEXT NOT NULL, body TEXT NOT NULL,
          PRIMARY KEY (audit_id, hash)
        );
        CREATE TABLE audits (
          audit_id TEXT PRIMARY KEY, current_head TEXT NOT NULL, heads INTEGER NOT NULL,
          conflict INTEGER NOT NULL CHECK (conflict IN (0, 1))
        );
        -- Photos and signed PDFs are files in HQ's folder, named by these hashes.
        CREATE TABLE photos (sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL);
        CREATE TABLE reports (sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, audit_id TEXT);
        CREATE TABLE audit_owners (audit_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, since TEXT NOT NULL);
        CREATE TABLE handovers (
          audit_id TEXT NOT NULL, from_fingerprint TEXT NOT NULL, to_fingerprint TEXT NOT NULL, at TEXT NOT NULL, reason TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    name: 'hq-read-model',
    async up(c) {
      await c.query(`
        CREATE TABLE hq_audit (
          audit_id TEXT PRIMARY KEY, head_hash TEXT NOT NULL, event_count INTEGER NOT NULL, bundle_id TEXT NOT NULL,
          signer_fingerprint TEXT NOT NULL, revision INTEGER NOT NULL, previous_id TEXT, root_id TEXT NOT NULL,
          superseded INTEGER NOT NULL CHECK (superseded IN (0, 1)), status TEXT NOT NULL, audit_type TEXT NOT NULL,
          site_id TEXT NOT NULL, site_name TEXT NOT NULL, country TEXT NOT NULL, clients TEXT NOT NULL, template_id TEXT NOT NULL,
          template_key TEXT NOT NULL, template_version TEXT NOT NULL, template_name TEXT NOT NULL, template_hash TEXT NOT NULL,
          start_date TEXT NOT NULL, end_date TEXT NOT NULL, finalized_at TEXT, content_hash TEXT, percent DOUBLE PRECISION, band TEXT,
          lead_auditor TEXT NOT NULL, critical INTEGER NOT NULL, major INTEGER NOT NULL, minor INTEGER NOT NULL,
          zero_tolerance INTEGER NOT NULL, open_critical INTEGER NOT NULL, open_major INTEGER NOT NULL, open_minor INTEGER NOT NULL,
          open_zero_tolerance INTEGER NOT NULL, open_actions INTEGER NOT NULL, heads INTEGER NOT NULL,
          conflict INTEGER NOT NULL CHECK (conflict IN (0, 1)), projected_at TEXT NOT NULL
        );
        CREATE INDEX hq_audit_site ON hq_audit(site_id, start_date);
        CREATE INDEX hq_audit_country ON hq_audit(country, band);
        CREATE INDEX hq_audit_start ON hq_audit(start_date);
        CREATE INDEX hq_audit_root ON hq_audit(root_id, revision);
        CREATE INDEX hq_audit_previous ON hq_audit(previous_id);
        CREATE TABLE hq_audit_client (audit_id TEXT NOT NULL, client TEXT NOT NULL, PRIMARY KEY (audit_id, client));
        CREATE INDEX hq_audit_client_client ON hq_audit_client(client, audit_id);
        CREATE TABLE hq_answer (
          audit_id TEXT NOT NULL, item_id TEXT NOT NULL, answer TEXT, severity TEXT, zero_tolerance INTEGER NOT NULL,
          value TEXT, note TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (audit_id, item_id)
        );
        CREATE TABLE hq_finding (
          audit_id TEXT NOT NULL, finding_id TEXT NOT NULL, item_id TEXT NOT NULL, section_id TEXT NOT NULL, severity TEXT,
          zero_tolerance INTEGER NOT NULL, source TEXT NOT NULL, summary TEXT NOT NULL, note TEXT NOT NULL, prompt TEXT, clause TEXT,
          is_open INTEGER NOT NULL CHECK (is_open IN (0, 1)), action_id TEXT, due_date TEXT, PRIMARY KEY (audit_id, finding_id)
        );
        CREATE INDEX hq_finding_item ON hq_finding(item_id, audit_id);
        CREATE TABLE hq_action (
          audit_id TEXT NOT NULL, action_id TEXT NOT NULL, finding_id TEXT NOT NULL, action TEXT NOT NULL, owner TEXT NOT NULL,
          due_date TEXT NOT NULL, status TEXT NOT NULL, verification TEXT NOT NULL, root_cause TEXT NOT NULL,
          preventive_action TEXT NOT NULL, timescale TEXT NOT NULL, verification_method TEXT NOT NULL, site_acceptance TEXT NOT NULL,
          PRIMARY KEY (audit_id, action_id)
        );
        CREATE INDEX hq_action_due ON hq_action(audit_id, status, due_date);
        CREATE TABLE hq_signature (
          audit_id TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, title TEXT NOT NULL, has_authority INTEGER NOT NULL,
          signed_at TEXT NOT NULL, png_sha256 TEXT, PRIMARY KEY (audit_id, role)
        );
      `);
      // Audits imported before the read model: projected as an import would have.
      const now = new Date().toISOString();
      for (const r of (await c.query('SELECT audit_id FROM audits ORDER BY audit_id')).rows as Array<{ audit_id: string }>) await projectOnServer(c, r.audit_id, now);
    },
  },
  { version: 3, name: 'hq-facts-action-chains', up: pgActionChains },
  { version: 4, name: 'hq-change-log', up: pgChangeLog },
  // PG 5: closure evidence found by its hash and findings' lead actions picked again, as SQLite's HQ 6 (closure-index-migration.ts).
  {
    version: 5,
    name: 'hq-evidence-sha-lead-action',
    async up(c) {
      await c.query(CLOSURE_SHA_INDEX);
      for (const sql of REPICK_LEAD_SQL) await c.query(sql);
    },
  },
  { version: 6, name: 'hq-change-log-handovers', up: pgHandoverChanges },
];
