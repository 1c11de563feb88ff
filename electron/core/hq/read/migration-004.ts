// HQ migration 4: hq_fact (facts.ts), the narrow table the dashboard and the
// tracker read, with one covering index per hot query, and a covering index
// for the dashboard's pass over the audits; filled from the read model for
// the audits already imported, then ANALYZEd so the planner knows their
// shape from the first query. Standard SQL, like migration 3.
import type { Migration } from '../../store/migrations/types';
import { factsSql } from './facts';

export const hqFacts: Migration = {
  version: 4,
  name: 'hq-facts',
  up(db) {
    db.exec(`
      CREATE TABLE hq_fact (
        audit_id TEXT NOT NULL,
        entity TEXT NOT NULL CHECK (entity IN ('finding', 'action')),
        -- The finding's id on a finding row, the action's on an action row.
        fact_id TEXT NOT NULL,
        finding_id TEXT NOT NULL,
        -- A finding row: its open action due first, if any. An action row: itself.
        action_id TEXT,
        -- Copied from hq_audit: what the filters and sorts read.
        superseded INTEGER NOT NULL CHECK (superseded IN (0, 1)),
        conflict INTEGER NOT NULL,
        status TEXT NOT NULL,
        band TEXT,
        start_date TEXT NOT NULL,
        site_id TEXT NOT NULL,
        site_name TEXT NOT NULL,
        country TEXT NOT NULL,
        signer_fingerprint TEXT NOT NULL,
        -- The finding's (for an action: its finding's; null when the finding is not in the audit).
        item_id TEXT,
        section_id TEXT,
        clause TEXT,
        severity TEXT,
        zero_tolerance INTEGER NOT NULL,
        is_open INTEGER NOT NULL,
        -- A finding row: its open action due first. An action row: its own due date.
        due_date TEXT,
        action_status TEXT,
        PRIMARY KEY (audit_id, entity, fact_id)
      ) STRICT;
      -- The tracker's open findings (and zero-tolerance alerts) by grade, in due-date order.
      CREATE INDEX hq_fact_open ON hq_fact(entity, superseded, is_open, severity, due_date, zero_tolerance, audit_id, finding_id, action_id);
      -- The tracker's and the dashboard's overdue actions: open ones by due date, with their grade and site.
      CREATE INDEX hq_fact_due ON hq_fact(entity, superseded, action_status, due_date, severity, site_id, start_date, audit_id, finding_id, action_id);
      -- The dashboard's findings by item (clause, section, recurrence across sites) without a sort; the dates filter covered too.
      CREATE INDEX hq_fact_items ON hq_fact(entity, superseded, item_id, section_id, clause, severity, site_id, start_date);
      -- The same read for the audits a filter picked out first (filters.ts factSource).
      CREATE INDEX hq_fact_audit ON hq_fact(audit_id, entity, is_open, action_status, severity, due_date, zero_tolerance, finding_id, action_id,
        item_id, section_id, clause, site_id);
      -- The dashboard's totals and bands by country from hq_audit's index alone, in group order.
      CREATE INDEX hq_audit_rollup ON hq_audit(superseded, country, band, status, conflict, open_critical, open_major, open_minor, open_zero_tolerance,
        site_id, start_date);
    `);
    for (const sql of factsSql('1 = 1')) db.exec(sql);
    db.exec('ANALYZE hq_fact; ANALYZE hq_audit');
  },
};
