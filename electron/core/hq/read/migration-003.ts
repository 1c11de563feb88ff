// HQ migration 3: the read model. Every audit HQ holds is projected, from
// its current version's verified event chain, into plain tables the HQ
// screens query (audits, their clients, answers, findings, corrective
// actions, signatures). The projection is written in the import's own
// transaction (project.ts); this step creates the tables and projects the
// audits imported before it. The SQL is kept to standard forms (no JSON
// functions, no SQLite-only date functions) so a second engine can follow.
import type { Migration } from '../../store/migrations/types';
import { projectAllAudits } from './project';

export const hqReadModel: Migration = {
  version: 3,
  name: 'hq-read-model',
  up(db) {
    db.exec(`
      -- One row per audit id (a revision): its current version, as the chain left it.
      CREATE TABLE hq_audit (
        audit_id TEXT PRIMARY KEY,
        head_hash TEXT NOT NULL,
        event_count INTEGER NOT NULL,
        bundle_id TEXT NOT NULL,
        signer_fingerprint TEXT NOT NULL,
        revision INTEGER NOT NULL,
        previous_id TEXT,
        -- The first revision HQ knows of this audit: revisions share it.
        root_id TEXT NOT NULL,
        superseded INTEGER NOT NULL CHECK (superseded IN (0, 1)),
        status TEXT NOT NULL,
        audit_type TEXT NOT NULL,
        site_id TEXT NOT NULL,
        site_name TEXT NOT NULL,
        country TEXT NOT NULL,
        clients TEXT NOT NULL,
        template_id TEXT NOT NULL,
        template_key TEXT NOT NULL,
        template_version TEXT NOT NULL,
        template_name TEXT NOT NULL,
        template_hash TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        finalized_at TEXT,
        content_hash TEXT,
        -- As sealed by the finalize event; null before finalizing.
        percent REAL,
        band TEXT,
        lead_auditor TEXT NOT NULL,
        critical INTEGER NOT NULL,
        major INTEGER NOT NULL,
        minor INTEGER NOT NULL,
        zero_tolerance INTEGER NOT NULL,
        -- Findings still open (no corrective action yet, or one not closed): the dashboard and sites read these, not every finding.
        open_critical INTEGER NOT NULL,
        open_major INTEGER NOT NULL,
        open_minor INTEGER NOT NULL,
        open_zero_tolerance INTEGER NOT NULL,
        open_actions INTEGER NOT NULL,
        heads INTEGER NOT NULL,
        conflict INTEGER NOT NULL CHECK (conflict IN (0, 1)),
        projected_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hq_audit_site ON hq_audit(site_id, start_date);
      CREATE INDEX hq_audit_country ON hq_audit(country, band);
      CREATE INDEX hq_audit_start ON hq_audit(start_date);
      CREATE INDEX hq_audit_root ON hq_audit(root_id, revision);
      CREATE INDEX hq_audit_previous ON hq_audit(previous_id);
      -- The current audits without reading their rows (the dashboard's join to findings).
      CREATE INDEX hq_audit_current ON hq_audit(superseded, audit_id, site_id);

      CREATE TABLE hq_audit_client (
        audit_id TEXT NOT NULL,
        client TEXT NOT NULL,
        PRIMARY KEY (audit_id, client)
      ) STRICT;
      CREATE INDEX hq_audit_client_client ON hq_audit_client(client, audit_id);

      CREATE TABLE hq_answer (
        audit_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        answer TEXT,
        severity TEXT,
        zero_tolerance INTEGER NOT NULL,
        value TEXT,
        note TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (audit_id, item_id)
      ) STRICT;

      CREATE TABLE hq_finding (
        audit_id TEXT NOT NULL,
        finding_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        section_id TEXT NOT NULL,
        severity TEXT,
        zero_tolerance INTEGER NOT NULL,
        source TEXT NOT NULL,
        summary TEXT NOT NULL,
        note TEXT NOT NULL,
        -- From the template when HQ knows it.
        prompt TEXT,
        clause TEXT,
        -- No corrective action yet, or one not closed.
        is_open INTEGER NOT NULL CHECK (is_open IN (0, 1)),
        -- Its open corrective action due first, if any: who acts by when, without a scan of the actions.
        action_id TEXT,
        due_date TEXT,
        PRIMARY KEY (audit_id, finding_id)
      ) STRICT;
      -- Covers the dashboard's findings by item, clause and section: no finding row is read.
      CREATE INDEX hq_finding_item ON hq_finding(item_id, audit_id);
      CREATE INDEX hq_finding_rollup ON hq_finding(audit_id, item_id, section_id, clause, severity);
      -- The tracker's keys without the rows, reached by audit: open findings, and open actions by due date.
      -- (Led by the audit: an index led by status or date made the planner search it whole once per audit.)
      CREATE INDEX hq_finding_open ON hq_finding(audit_id, is_open, severity, finding_id, action_id, due_date, zero_tolerance);

      CREATE TABLE hq_action (
        audit_id TEXT NOT NULL,
        action_id TEXT NOT NULL,
        finding_id TEXT NOT NULL,
        action TEXT NOT NULL,
        owner TEXT NOT NULL,
        due_date TEXT NOT NULL,
        status TEXT NOT NULL,
        verification TEXT NOT NULL,
        root_cause TEXT NOT NULL,
        preventive_action TEXT NOT NULL,
        timescale TEXT NOT NULL,
        verification_method TEXT NOT NULL,
        site_acceptance TEXT NOT NULL,
        PRIMARY KEY (audit_id, action_id)
      ) STRICT;
      CREATE INDEX hq_action_due ON hq_action(audit_id, status, due_date, action_id, finding_id);
      CREATE INDEX hq_action_finding ON hq_action(audit_id, finding_id);

      CREATE TABLE hq_signature (
        audit_id TEXT NOT NULL,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        title TEXT NOT NULL,
        has_authority INTEGER NOT NULL,
        signed_at TEXT NOT NULL,
        png_sha256 TEXT,
        PRIMARY KEY (audit_id, role)
      ) STRICT;
    `);
    projectAllAudits(db, new Date().toISOString());
  },
};
