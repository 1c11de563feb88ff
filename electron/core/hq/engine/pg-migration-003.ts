// PG 3: what SQLite's HQ 4 and HQ 5 hold, on the server: hq_fact (the
// tracker's and the dashboard's narrow table, read/facts.ts) and the action
// chains after finalize with their folded closure and the follow-up links
// (actions-import.ts). The same columns, keys and indexes, so one merge
// writes both engines. Filled as those steps fill SQLite: hq_fact from the
// read model of the audits already imported (the same SQL), the follow-up
// links from the documents of follow-ups imported before (jsonb in place of
// SQLite's json_extract, the first version by head hash as INSERT OR IGNORE
// in head-hash order keeps). And the read model's indexes brought to
// SQLite's HQ 3 (PG 2 made fewer, one of them narrower), which the
// dashboard's and the tracker's queries are planned around.
import type pg from 'pg';
import { factsSql } from '../read/facts';

export async function pgActionChains(c: pg.PoolClient): Promise<void> {
  await c.query(`
    CREATE TABLE hq_fact (
      audit_id TEXT NOT NULL, entity TEXT NOT NULL CHECK (entity IN ('finding', 'action')), fact_id TEXT NOT NULL, finding_id TEXT NOT NULL,
      action_id TEXT, superseded INTEGER NOT NULL CHECK (superseded IN (0, 1)), conflict INTEGER NOT NULL, status TEXT NOT NULL, band TEXT,
      start_date TEXT NOT NULL, site_id TEXT NOT NULL, site_name TEXT NOT NULL, country TEXT NOT NULL, signer_fingerprint TEXT NOT NULL,
      item_id TEXT, section_id TEXT, clause TEXT, severity TEXT, zero_tolerance INTEGER NOT NULL, is_open INTEGER NOT NULL, due_date TEXT,
      action_status TEXT, PRIMARY KEY (audit_id, entity, fact_id)
    );
    CREATE INDEX hq_fact_open ON hq_fact(entity, superseded, is_open, severity, due_date, zero_tolerance, audit_id, finding_id, action_id);
    CREATE INDEX hq_fact_due ON hq_fact(entity, superseded, action_status, due_date, severity, site_id, start_date, audit_id, finding_id, action_id);
    CREATE INDEX hq_fact_items ON hq_fact(entity, superseded, item_id, section_id, clause, severity, site_id, start_date);
    CREATE INDEX hq_fact_audit ON hq_fact(audit_id, entity, is_open, action_status, severity, due_date, zero_tolerance, finding_id, action_id,
      item_id, section_id, clause, site_id);
    CREATE INDEX hq_audit_current ON hq_audit(superseded, audit_id, site_id);
    CREATE INDEX hq_finding_rollup ON hq_finding(audit_id, item_id, section_id, clause, severity);
    CREATE INDEX hq_finding_open ON hq_finding(audit_id, is_open, severity, finding_id, action_id, due_date, zero_tolerance);
    DROP INDEX hq_action_due;
    CREATE INDEX hq_action_due ON hq_action(audit_id, status, due_date, action_id, finding_id);
    CREATE INDEX hq_action_finding ON hq_action(audit_id, finding_id);
    CREATE INDEX hq_audit_rollup ON hq_audit(superseded, country, band, status, conflict, open_critical, open_major, open_minor, open_zero_tolerance,
      site_id, start_date);

    CREATE TABLE action_events (
      audit_id TEXT NOT NULL, seq INTEGER NOT NULL CHECK (seq >= 1), hash TEXT NOT NULL, prev_hash TEXT NOT NULL, body TEXT NOT NULL,
      bundle_id TEXT NOT NULL, PRIMARY KEY (audit_id, seq)
    );
    CREATE TABLE hq_action_history (
      audit_id TEXT NOT NULL, seq INTEGER NOT NULL, action_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'submitted', 'closed', 'not_closed')), status_date TEXT NOT NULL,
      note TEXT NOT NULL, verified_by TEXT NOT NULL, follow_up_id TEXT,
      verification TEXT NOT NULL DEFAULT '' CHECK (verification IN ('', 'closed', 'partially_closed', 'not_closed')),
      at TEXT NOT NULL, actor TEXT NOT NULL, PRIMARY KEY (audit_id, seq)
    );
    CREATE INDEX hq_action_history_action ON hq_action_history(audit_id, action_id, seq);
    CREATE TABLE hq_closure_evidence (
      audit_id TEXT NOT NULL, seq INTEGER NOT NULL, evidence_id TEXT NOT NULL, action_id TEXT NOT NULL, name TEXT NOT NULL,
      media_type TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL, source TEXT NOT NULL, received_at TEXT NOT NULL,
      description TEXT NOT NULL, PRIMARY KEY (audit_id, seq)
    );
    CREATE INDEX hq_closure_evidence_action ON hq_closure_evidence(audit_id, action_id);
    CREATE TABLE hq_action_closure (
      audit_id TEXT NOT NULL, action_id TEXT NOT NULL,
      status TEXT CHECK (status IS NULL OR status IN ('open', 'in_progress', 'submitted', 'closed', 'not_closed')),
      status_date TEXT NOT NULL, verified_by TEXT NOT NULL, follow_up_id TEXT,
      evidence_count INTEGER NOT NULL CHECK (evidence_count >= 0), PRIMARY KEY (audit_id, action_id)
    );
    CREATE INDEX hq_action_closure_status ON hq_action_closure(audit_id, status);
    CREATE TABLE hq_finding_closure (audit_id TEXT NOT NULL, finding_id TEXT NOT NULL, PRIMARY KEY (audit_id, finding_id));
    CREATE TABLE hq_follow_up (audit_id TEXT PRIMARY KEY, follow_up_of TEXT NOT NULL, mode TEXT NOT NULL);
    CREATE INDEX hq_follow_up_of ON hq_follow_up(follow_up_of);

    INSERT INTO hq_follow_up (audit_id, follow_up_of, mode)
      SELECT DISTINCT ON (audit_id) audit_id, doc::jsonb #>> '{audit,followUpOf}', COALESCE(doc::jsonb #>> '{audit,followUpMode}', '')
      FROM audit_versions WHERE doc::jsonb #>> '{audit,followUpOf}' IS NOT NULL ORDER BY audit_id, head_hash
      ON CONFLICT (audit_id) DO NOTHING;
  `);
  for (const sql of factsSql('TRUE')) await c.query(sql);
  await c.query('ANALYZE hq_fact; ANALYZE hq_audit');
}
