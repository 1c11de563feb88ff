// hq_fact: the tracker's and the dashboard's one narrow table (HQ migration
// 4). One row per finding and per corrective action of every audit HQ holds,
// carrying the audit columns the filters and sorts read (superseded, status,
// band, dates, site, country, signer) and the finding's grade, so that the
// hot queries read one covering index each instead of joining 60,000
// findings and 40,000 actions to their audits at every look. Kept in step by
// the projection, in the import's transaction: rewritten with the audit, and
// marked superseded when a later revision arrives.
import type { Db } from '../../store/db';
import { stmt } from '../../store/stmt';

const COLUMNS = `audit_id, entity, fact_id, finding_id, action_id, superseded, conflict, status, band, start_date, site_id, site_name, country,
  signer_fingerprint, item_id, section_id, clause, severity, zero_tolerance, is_open, due_date, action_status`;
const AUDIT = 'a.superseded, a.conflict, a.status, a.band, a.start_date, a.site_id, a.site_name, a.country, a.signer_fingerprint';

/** The rows of the audits `where` selects (over hq_audit a), from the read model's own tables. */
export function factsSql(where: string): string[] {
  return [
    `INSERT INTO hq_fact (${COLUMNS})
      SELECT f.audit_id, 'finding', f.finding_id, f.finding_id, f.action_id, ${AUDIT}, f.item_id, f.section_id, f.clause, f.severity, f.zero_tolerance,
        f.is_open, f.due_date, NULL
      FROM hq_audit a JOIN hq_finding f ON f.audit_id = a.audit_id WHERE ${where}`,
    // An action is graded by its finding (the tracker's severity filter narrows overdue actions by it).
    `INSERT INTO hq_fact (${COLUMNS})
      SELECT x.audit_id, 'action', x.action_id, x.finding_id, x.action_id, ${AUDIT}, f.item_id, f.section_id, f.clause, f.severity,
        COALESCE(f.zero_tolerance, 0), COALESCE(f.is_open, 1), x.due_date, x.status
      FROM hq_audit a JOIN hq_action x ON x.audit_id = a.audit_id LEFT JOIN hq_finding f ON f.audit_id = x.audit_id AND f.finding_id = x.finding_id
      WHERE ${where}`,
  ];
}

/** Rewrites one audit's rows after its projection (hq_audit, hq_finding and hq_action already written). */
export function projectFacts(db: Db, auditId: string): void {
  stmt(db, 'DELETE FROM hq_fact WHERE audit_id = ?').run(auditId);
  for (const sql of factsSql('a.audit_id = ?')) stmt(db, sql).run(auditId);
}

/** A later revision arrived: the earlier one's rows leave the current view with it. */
export function supersedeFacts(db: Db, auditId: string): void {
  stmt(db, 'UPDATE hq_fact SET superseded = 1 WHERE audit_id = ?').run(auditId);
}

/**
 * After a batch of imports: ANALYZE the tables whose size moved enough for
 * the planner's statistics to mislead it (all of them checked, not only those
 * this connection queried). Cheap when nothing changed much; an HQ that grew
 * from a few audits to thousands gets plans made for its real size.
 */
export function optimizeAfterImport(db: Db): void {
  db.pragma('optimize=0x10002');
}
