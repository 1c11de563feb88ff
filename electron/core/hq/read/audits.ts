// hq.audits: every imported audit, filtered, sorted and paged, from the read
// model. One row shape, shared with the exports. Open and overdue actions
// leave out those closed after finalize (hq_action_closure), as the tracker does.
import type { Db } from '../../store/db';
import type { HqAuditFilter, HqAuditRow, HQ_AUDIT_SORTS } from '../../../../shared/domain/hq';
import { AUDIT_FROM, AUDIT_ONLY, auditWhere, orderBy, today } from './filters';
import { notClosedSince } from './action-status';

export const AUDIT_COLUMNS = `a.audit_id, a.revision, a.previous_id, a.superseded, a.status, a.audit_type, a.site_id, a.site_name, a.country, a.clients,
  COALESCE(au.auditor_id, '') AS auditor_id, COALESCE(au.name, '') AS auditor_name, COALESCE(o.fingerprint, a.signer_fingerprint) AS fingerprint,
  a.template_name, a.start_date, a.end_date, a.finalized_at, a.percent, a.band, a.critical, a.major, a.minor, a.zero_tolerance,
  a.open_actions - (SELECT COUNT(*) FROM hq_action_closure c JOIN hq_action x ON x.audit_id = c.audit_id AND x.action_id = c.action_id
    WHERE c.audit_id = a.audit_id AND c.status = 'closed' AND x.status <> 'closed') AS open_actions,
  (SELECT COUNT(*) FROM hq_action x WHERE x.audit_id = a.audit_id AND x.status <> 'closed' AND x.due_date > '' AND x.due_date < ? AND ${notClosedSince('x')}) AS overdue_actions,
  a.heads, a.conflict, a.projected_at`;

export type AuditRowData = Record<string, unknown>;

export function auditRow(r: AuditRowData): HqAuditRow {
  return {
    auditId: r.audit_id as string, revision: r.revision as number, previousId: (r.previous_id as string | null) ?? null, superseded: r.superseded === 1,
    status: r.status as HqAuditRow['status'], type: r.audit_type as string, siteId: r.site_id as string, siteName: r.site_name as string,
    country: r.country as string, clients: JSON.parse(r.clients as string) as string[], auditorId: r.auditor_id as string,
    auditorName: r.auditor_name as string, fingerprint: r.fingerprint as string, templateName: r.template_name as string,
    startDate: r.start_date as string, endDate: r.end_date as string, finalizedAt: (r.finalized_at as string | null) ?? null,
    percent: (r.percent as number | null) ?? null, band: (r.band as string | null) ?? null,
    findings: { critical: r.critical as number, major: r.major as number, minor: r.minor as number }, zeroTolerance: r.zero_tolerance as number,
    openActions: r.open_actions as number, overdueActions: r.overdue_actions as number, versions: r.heads as number, conflict: r.conflict === 1,
    importedAt: r.projected_at as string,
  };
}

const SORTS: Record<(typeof HQ_AUDIT_SORTS)[number], string> = {
  startDate: 'a.start_date', site: 'a.site_name', country: 'a.country', auditor: 'au.name', band: 'a.band', status: 'a.status',
  findings: '(a.critical * 1000000 + a.major * 1000 + a.minor)', finalizedAt: 'a.finalized_at',
};

export interface AuditListInput {
  filter: HqAuditFilter;
  sort: { by: (typeof HQ_AUDIT_SORTS)[number]; dir: 'asc' | 'desc' };
  page: { offset: number; limit: number };
}

export function listHqAudits(db: Db, input: AuditListInput, asOf = today()): { total: number; rows: HqAuditRow[] } {
  const w = auditWhere(input.filter);
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM ${AUDIT_ONLY} WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
  const rows = db.prepare(`SELECT ${AUDIT_COLUMNS} FROM ${AUDIT_FROM} WHERE ${w.sql}
    ORDER BY ${orderBy(SORTS[input.sort.by], input.sort.dir)}, a.audit_id LIMIT ? OFFSET ?`)
    .all(asOf, ...w.params, input.page.limit, input.page.offset) as AuditRowData[];
  return { total, rows: rows.map(auditRow) };
}

/** Every audit the filter selects, in batches (the exports): never the whole table in memory at once. */
export function* iterateHqAudits(db: Db, filter: HqAuditFilter, asOf = today(), batch = 500): Generator<HqAuditRow> {
  const w = auditWhere(filter);
  const q = db.prepare(`SELECT ${AUDIT_COLUMNS} FROM ${AUDIT_FROM} WHERE ${w.sql} AND a.audit_id > ? ORDER BY a.audit_id LIMIT ?`);
  for (let after = ''; ;) {
    const rows = q.all(asOf, ...w.params, after, batch) as AuditRowData[];
    for (const r of rows) yield auditRow(r);
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.audit_id as string;
  }
}

export function hqAuditRow(db: Db, auditId: string, asOf = today()): HqAuditRow | null {
  const r = db.prepare(`SELECT ${AUDIT_COLUMNS} FROM ${AUDIT_FROM} WHERE a.audit_id = ?`).get(asOf, auditId) as AuditRowData | undefined;
  return r ? auditRow(r) : null;
}
