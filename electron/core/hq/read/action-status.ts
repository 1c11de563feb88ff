// Reads of the cycle after an audit at HQ: where each corrective action
// stands after finalize (its last status in the audit's action chain, who
// verified, when, how much evidence), the whole history, and the links
// between follow-ups and the audits they follow.
import type { Db } from '../../store/db';
import { stmt } from '../../store/stmt';
import type { HqClosure, HqCycle, HqLinkedAudit } from '../../../../shared/contract/hq-cycle';

type Row = Record<string, unknown>;

const LAST = `SELECT h.status, h.status_date, h.verified_by, h.follow_up_id,
    (SELECT count(*) FROM hq_closure_evidence e WHERE e.audit_id = h.audit_id AND e.action_id = h.action_id) AS evidence
  FROM hq_action_history h WHERE h.audit_id = ? AND h.action_id = ? ORDER BY h.seq DESC LIMIT 1`;
const EVIDENCE_ONLY = 'SELECT count(*) AS n FROM hq_closure_evidence WHERE audit_id = ? AND action_id = ?';

/** Null when nothing happened to the action after finalize (its status is the plan's). */
export function closureOf(db: Db, auditId: string, actionId: string | null): HqClosure | null {
  if (!actionId) return null;
  const r = stmt(db, LAST).get(auditId, actionId) as Row | undefined;
  if (!r) {
    // Evidence received with no status change yet: the action is still where the finalized plan left it.
    const n = (stmt(db, EVIDENCE_ONLY).get(auditId, actionId) as { n: number }).n;
    return n ? { ...planStatus(db, auditId, actionId), evidenceCount: n } : null;
  }
  return {
    status: r.status as HqClosure['status'], date: r.status_date as string, verifiedBy: r.verified_by as string,
    evidenceCount: r.evidence as number, followUpId: (r.follow_up_id as string | null) ?? null,
  };
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
      const last = steps.at(-1);
      const ev = evidence.filter((e) => e.action_id === actionId);
      const closure: HqClosure = last
        ? { status: last.status as HqClosure['status'], date: last.status_date as string, verifiedBy: last.verified_by as string, evidenceCount: ev.length, followUpId: (last.follow_up_id as string | null) ?? null }
        : { ...planStatus(db, auditId, actionId), evidenceCount: ev.length };
      return {
        actionId,
        closure,
        history: steps.map((h) => ({
          status: h.status as HqClosure['status'], date: h.status_date as string, note: h.note as string, verifiedBy: h.verified_by as string,
          followUpId: (h.follow_up_id as string | null) ?? null, verification: h.verification as HqCycle['actions'][number]['history'][number]['verification'], at: h.at as string,
        })),
        evidence: ev.map((e) => ({ name: e.name as string, source: e.source as string, receivedAt: e.received_at as string, size: e.size as number })),
      };
    }),
  };
}
