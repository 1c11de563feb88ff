// Hand-overs of audits, newest first, for the audit view and the Auditors
// page. Read from HQ's database on SQLite and from the replica on PostgreSQL
// (the server's handovers table is copied whole on every refresh), like
// every other screen's read.
//
// handOver (owners.ts) writes one row per revision it moves (the audit and
// its later revisions, with the same time and reason): rows alike but for
// the audit are one hand-over, shown once, named by the audit that was
// handed over. An audit's history includes the hand-overs of
// its earlier revisions, which moved it too.
import type { Db } from '../../store/db';
import type { HqHandover } from '../../../../shared/domain/hq-handover';

interface Row {
  audit_id: string;
  site_name: string | null;
  from_fingerprint: string;
  from_name: string | null;
  from_auditor: string | null;
  to_fingerprint: string;
  to_name: string | null;
  to_auditor: string | null;
  at: string;
  reason: string;
}

// SQLite takes a bare column of a GROUP BY from the row where min() was found: the audit of the lowest revision,
// the one handed over (the others are its later revisions); not the first row, as a replica's rows are in copy order.
const select = (where: string) => `
  SELECT h.audit_id, min(coalesce(a.revision, 0)) AS lowest, a.site_name,
    h.from_fingerprint, f.name AS from_name, f.auditor_id AS from_auditor,
    h.to_fingerprint, t.name AS to_name, t.auditor_id AS to_auditor, h.at, h.reason
  FROM handovers h
  LEFT JOIN hq_audit a ON a.audit_id = h.audit_id
  LEFT JOIN auditors f ON f.fingerprint = h.from_fingerprint
  LEFT JOIN auditors t ON t.fingerprint = h.to_fingerprint
  ${where}
  GROUP BY h.from_fingerprint, h.to_fingerprint, h.at, h.reason
  ORDER BY h.at DESC, h.audit_id
  LIMIT @limit`;

export function listHandovers(db: Db, input: { auditId?: string; limit: number }): HqHandover[] {
  const rows = input.auditId
    ? db.prepare(`WITH RECURSIVE chain(id) AS (
          SELECT @auditId UNION SELECT a.previous_id FROM hq_audit a JOIN chain ON a.audit_id = chain.id WHERE a.previous_id IS NOT NULL)
        ${select('WHERE h.audit_id IN (SELECT id FROM chain)')}`).all({ auditId: input.auditId, limit: input.limit })
    : db.prepare(select('')).all({ limit: input.limit });
  return (rows as Row[]).map((r) => ({
    auditId: r.audit_id,
    siteName: r.site_name,
    from: { fingerprint: r.from_fingerprint, name: r.from_name, auditorId: r.from_auditor },
    to: { fingerprint: r.to_fingerprint, name: r.to_name, auditorId: r.to_auditor },
    at: r.at,
    reason: r.reason,
  }));
}
