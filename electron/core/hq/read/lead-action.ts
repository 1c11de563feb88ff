// A finding's lead corrective action (the one the tracker's finding row
// names, with its due date): its open action due first. A collaborative
// action has no closing date (an empty due date, a progress review date
// instead), so it leads only when no open action has a real date; an empty
// string would otherwise sort before every date and the row would show "—"
// while a dated action waits behind it.

export interface LeadCandidate { id: string; due: string }

/** Whether `a` leads before `b`: dated before undated, then the earlier date, then the id. */
export function leadsBefore(a: LeadCandidate, b: LeadCandidate): boolean {
  if ((a.due === '') !== (b.due === '')) return b.due === '';
  return a.due < b.due || (a.due === b.due && a.id < b.id);
}

/** The same order in SQL, over hq_action (alias x); the same on SQLite and PostgreSQL. */
export const LEAD_ORDER = "x.due_date = '', x.due_date, x.action_id";

/**
 * Findings projected before collaborative actions came last: a lead with no
 * date where an open dated action exists is picked again, and the finding's
 * fact row follows (HQ 6, PG 5). Statements run in order.
 */
export const REPICK_LEAD_SQL = [
  `UPDATE hq_finding SET (action_id, due_date) = (
      SELECT x.action_id, x.due_date FROM hq_action x
      WHERE x.audit_id = hq_finding.audit_id AND x.finding_id = hq_finding.finding_id AND x.status <> 'closed'
      ORDER BY ${LEAD_ORDER} LIMIT 1)
    WHERE due_date = '' AND EXISTS (SELECT 1 FROM hq_action x
      WHERE x.audit_id = hq_finding.audit_id AND x.finding_id = hq_finding.finding_id AND x.status <> 'closed' AND x.due_date > '')`,
  `UPDATE hq_fact SET (action_id, due_date) = (
      SELECT f.action_id, f.due_date FROM hq_finding f WHERE f.audit_id = hq_fact.audit_id AND f.finding_id = hq_fact.finding_id)
    WHERE entity = 'finding' AND due_date = '' AND EXISTS (SELECT 1 FROM hq_finding f
      WHERE f.audit_id = hq_fact.audit_id AND f.finding_id = hq_fact.finding_id AND f.due_date > '')`,
];
