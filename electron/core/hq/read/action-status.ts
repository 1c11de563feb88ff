// Reads of the cycle after an audit at HQ: where each corrective action
// stands after finalize (its last status in the audit's action chain, who
// verified, when, how much evidence), the whole history, and the links
// between follow-ups and the audits they follow.
import type { Db } from '../../store/db';
import { stmt } from '../../store/stmt';
import { LEAD_ORDER } from './lead-action';
import type { HqClosure, HqCycle, HqFindingAction, HqLinkedAudit } from '../../../../shared/domain/hq-cycle';

type Row = Record<string, unknown>;

const CLOSURE = 'SELECT status, status_date, verified_by, follow_up_id, evidence_count FROM hq_action_closure WHERE audit_id = ? AND action_id = ?';

/**
 * SQL conditions for the tracker (HQ's read model keeps each audit as
 * finalized; what happened after lives in hq_action_closure and
 * hq_finding_closure). `x`: a row of hq_action; `f`: a row of hq_finding.
 * The uncorrelated NOT IN is evaluated once per query (SQLite builds a
 * Bloom filter and an index of the few closed ids), so most rows cost next
 * to nothing; only an id found there is checked against its audit (ids are
 * unique per audit, and a reopened revision copies them). Probing the
 * tables for every row added a third to the tracker at 10,000 audits, an
 * uncorrelated row-value NOT IN took 28 s.
 */
export const notClosedSince = (x: string): string => `(${x}.action_id NOT IN (SELECT action_id FROM hq_action_closure WHERE status = 'closed')
    OR NOT EXISTS (SELECT 1 FROM hq_action_closure c WHERE c.audit_id = ${x}.audit_id AND c.action_id = ${x}.action_id AND c.status = 'closed'))`;
export const findingStillOpen = (f: string): string => `(${f}.finding_id NOT IN (SELECT finding_id FROM hq_finding_closure)
    OR NOT EXISTS (SELECT 1 FROM hq_finding_closure fc WHERE fc.audit_id = ${f}.audit_id AND fc.finding_id = ${f}.finding_id))`;

/** Null when nothing happened to the action after finalize (its status is the plan's). */
export function closureOf(db: Db, auditId: string, actionId: string | null): HqClosure | null {
  if (!actionId) return null;
  const r = stmt(db, CLOSURE).get(auditId, actionId) as Row | undefined;
  if (!r) return null;
  // Evidence received with no status change yet: the action is still where the finalized plan left it.
  if (r.status === null) return { ...planStatus(db, auditId, actionId), evidenceCount: r.evidence_count as number };
  return {
    status: r.status as HqClosure['status'], date: r.status_date as string, verifiedBy: r.verified_by as string,
    evidenceCount: r.evidence_count as number, followUpId: (r.follow_up_id as string | null) ?? null,
  };
}

/**
 * Every action of one finding with where it stands now (its last status
 * after finalize, else the finalized plan's), due first first and collaborative ones (no date) after: a finding is
 * closed only when each of them is, so the tracker shows them all.
 */
export function findingActions(db: Db, auditId: string, findingId: string, asOf: string): HqFindingAction[] {
  const rows = stmt(db, `SELECT action_id, action, owner, due_date, status FROM hq_action x WHERE audit_id = ? AND finding_id = ? ORDER BY ${LEAD_ORDER}`)
    .all(auditId, findingId) as Array<{ action_id: string; action: string; owner: string; due_date: string; status: string }>;
  return rows.map((r) => {
    const closure = closureOf(db, auditId, r.action_id);
    const status: HqFindingAction['status'] = closure?.status ?? (r.status === 'closed' ? 'closed' : r.status === 'in_progress' ? 'in_progress' : 'open');
    return {
      actionId: r.action_id, action: r.action, owner: r.owner, dueDate: r.due_date, status, closure,
      overdue: status !== 'closed' && r.due_date !== '' && r.due_date < asOf,
    };
  });
}

function planStatus(db: Db, auditId: string, actionId: string): HqClosure {
  const p = stmt(db, 'SELECT status FROM hq_action WHERE audit_id = ? AND action_id = ?').get(auditId, actionId) as { status: HqClosure['status'] } | undefined;
  return { status: p?.status ?? 'open', date: '', verifiedBy: '', evidenceCount: 0, followUpId: null };
}

function linked(db: Db, auditId: string, mode: string): HqLinkedAudit {
  const a = stmt(db, 'SELECT site_name, start_date, status FROM hq_audit WHERE audit_id = ?').get(auditId) as Row | undefined;
  return {
    auditId, mode, held: !!a, siteName: (a?.site_name as string | undefined) ?? null, startDate: (a?.start_date as string | undefined) ?? null,
    status: (a?.status as string | undefined) ?? null,
  };
}

export function cycleOf(db: Db, auditId: string): HqCycle {
  const of = stmt(db, 'SELECT follow_up_of, mode FROM hq_follow_up WHERE audit_id = ?').get(auditId) as { follow_up_of: string; mode: string } | undefined;
  const followUps = (stmt(db, `SELECT f.audit_id, f.mode FROM hq_follow_up f LEFT JOIN hq_audit a ON a.audit_id = f.audit_id
    WHERE f.follow_up_of = ? ORDER BY a.start_date, f.audit_id`).all(auditId) as Array<{ audit_id: string; mode: string }>).map((f) => linked(db, f.audit_id, f.mode));
  const history = stmt(db, 'SELECT * FROM hq_action_history WHERE audit_id = ? ORDER BY seq').all(auditId) as Row[];
  const evidence = stmt(db, 'SELECT * FROM hq_closure_evidence WHERE audit_id = ? ORDER BY received_at, seq').all(auditId) as Row[];
  const ids = [...new Set([...history, ...evidence].map((r) => r.action_id as string))].sort();
  return {
    followUpOf: of ? linked(db, of.follow_up_of, of.mode) : null,
    followUps,
    actions: ids.map((actionId) => {
      const steps = history.filter((h) => h.action_id === actionId);
      const ev = evidence.filter((e) => e.action_id === actionId);
      return {
        actionId,
        closure: closureOf(db, auditId, actionId) ?? { ...planStatus(db, auditId, actionId), evidenceCount: ev.length },
        history: steps.map((h) => ({
          status: h.status as HqClosure['status'], date: h.status_date as string, note: h.note as string, verifiedBy: h.verified_by as string,
          followUpId: (h.follow_up_id as string | null) ?? null, verification: h.verification as HqCycle['actions'][number]['history'][number]['verification'], at: h.at as string,
        })),
        evidence: ev.map((e) => ({
          name: e.name as string, source: e.source as string, receivedAt: e.received_at as string, size: e.size as number, sha256: e.sha256 as string,
          mediaType: e.media_type as string, description: e.description as string,
        })),
      };
    }),
  };
}
