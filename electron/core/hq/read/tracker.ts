// hq.tracker: what someone must act on, across every site. Three kinds of
// row: open findings of the chosen severities (critical and major by
// default), each with its earliest-due open corrective action; corrective
// actions past their due date (any severity); and open zero-tolerance
// findings, whose notification duty runs regardless of the grade. Earlier
// revisions of a reopened audit are left out.
import type { Db } from '../../store/db';
import type { HqAuditFilter, HqTrackerRow, HQ_TRACKER_KINDS, HQ_TRACKER_SORTS } from '../../../../shared/domain/hq';
import { AUDIT_FROM, AUDIT_ONLY, auditWhere, orderBy, today } from './filters';

type Kind = (typeof HQ_TRACKER_KINDS)[number];
type Severity = 'critical' | 'major' | 'minor';

export interface TrackerInput {
  filter: Omit<Partial<HqAuditFilter>, 'status' | 'band' | 'includeSuperseded' | 'conflict'> & { kinds: Kind[]; severities: Severity[]; asOf?: string };
  sort: { by: (typeof HQ_TRACKER_SORTS)[number]; dir: 'asc' | 'desc' };
  page: { offset: number; limit: number };
}

type SortBy = TrackerInput['sort']['by'];
const rank = (col: string) => `CASE ${col} WHEN 'critical' THEN 0 WHEN 'major' THEN 1 WHEN 'minor' THEN 2 ELSE 3 END`;
const OWNER_NAME = `(SELECT au.name FROM auditors au WHERE au.fingerprint = COALESCE((SELECT o.fingerprint FROM audit_owners o WHERE o.audit_id = a.audit_id), a.signer_fingerprint))`;

/**
 * Each part selects its keys and one sort key (sk), nothing else: the
 * counting and paging read narrow indexes (hq_finding_open, hq_action_due,
 * hq_audit_current) and touch an audit's row only when the sort is by one of
 * its columns; the page's details are read after the page is chosen.
 * Days overdue grow as the due date falls back: that sort is by due date the
 * other way, the rows not overdue last.
 */
function sortKey(by: SortBy, part: 'finding' | 'action'): { sql: string; params: 'asOf' | null } {
  const due = part === 'finding' ? 'f.due_date' : 'x.due_date';
  switch (by) {
    case 'dueDate': return { sql: due, params: null };
    case 'daysOverdue': return part === 'finding' ? { sql: 'CASE WHEN f.due_date < ? THEN f.due_date END', params: 'asOf' } : { sql: 'x.due_date', params: null };
    case 'severity': return { sql: rank(part === 'finding' ? 'f.severity' : '(SELECT f2.severity FROM hq_finding f2 WHERE f2.audit_id = x.audit_id AND f2.finding_id = x.finding_id)'), params: null };
    case 'site': return { sql: 'a.site_name', params: null };
    case 'country': return { sql: 'a.country', params: null };
    case 'startDate': return { sql: 'a.start_date', params: null };
    case 'auditor': return { sql: OWNER_NAME, params: null };
  }
}

/** The union of the three kinds, each filtered by the audit filter; parameters in order. */
function union(input: TrackerInput, asOf: string, withSortKey: boolean): { sql: string; params: unknown[] } {
  const w = auditWhere({ ...input.filter, includeSuperseded: false });
  const parts: string[] = [];
  const params: unknown[] = [];
  const kinds = new Set(input.filter.kinds);
  const key = (part: 'finding' | 'action') => {
    if (!withSortKey) return { sql: '', params: [] as unknown[] };
    const k = sortKey(input.sort.by, part);
    return { sql: `, ${k.sql} AS sk`, params: k.params ? [asOf] : [] };
  };
  const findings = (kind: Kind, condition: string, extra: unknown[]) => {
    const k = key('finding');
    parts.push(`SELECT '${kind}' AS kind, a.audit_id, f.finding_id, f.action_id${k.sql}
      FROM ${AUDIT_ONLY} JOIN hq_finding f ON f.audit_id = a.audit_id WHERE ${w.sql} AND f.is_open = 1 AND ${condition}`);
    params.push(...k.params, ...w.params, ...extra);
  };
  if (kinds.has('finding') && input.filter.severities.length) {
    findings('finding', `f.severity IN (${input.filter.severities.map(() => '?').join(', ')})`, input.filter.severities);
  }
  if (kinds.has('overdue_action')) {
    const k = key('action');
    parts.push(`SELECT 'overdue_action' AS kind, a.audit_id, x.finding_id, x.action_id${k.sql}
      FROM ${AUDIT_ONLY} JOIN hq_action x ON x.audit_id = a.audit_id
      WHERE ${w.sql} AND x.status IN ('open', 'in_progress') AND x.due_date < ?`);
    params.push(...k.params, ...w.params, asOf);
  }
  if (kinds.has('zero_tolerance')) findings('zero_tolerance', 'f.zero_tolerance = 1', []);
  return { sql: parts.join(' UNION ALL '), params };
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export function trackHq(db: Db, input: TrackerInput): { total: number; counts: Record<Kind, number>; rows: HqTrackerRow[] } {
  const asOf = input.filter.asOf ?? today();
  const counts: Record<Kind, number> = { finding: 0, overdue_action: 0, zero_tolerance: 0 };
  const c = union(input, asOf, false);
  if (!c.sql) return { total: 0, counts, rows: [] };
  for (const r of db.prepare(`SELECT t.kind, COUNT(*) AS n FROM (${c.sql}) t GROUP BY t.kind`).all(...c.params) as Array<{ kind: Kind; n: number }>) counts[r.kind] = r.n;
  const total = counts.finding + counts.overdue_action + counts.zero_tolerance;
  const u = union(input, asOf, true);
  const dir = input.sort.by === 'daysOverdue' ? (input.sort.dir === 'asc' ? 'desc' : 'asc') : input.sort.dir;
  const keys = db.prepare(`SELECT t.kind, t.audit_id, t.finding_id, t.action_id FROM (${u.sql}) t
    ORDER BY ${orderBy('t.sk', dir)}, t.kind, t.audit_id, t.finding_id, t.action_id LIMIT ? OFFSET ?`)
    .all(...u.params, input.page.limit, input.page.offset) as Array<{ kind: Kind; audit_id: string; finding_id: string; action_id: string | null }>;
  const detail = db.prepare(`SELECT a.audit_id, a.revision, a.site_id, a.site_name, a.country, a.clients, COALESCE(au.auditor_id, '') AS auditor_id,
      COALESCE(au.name, '') AS auditor_name, a.start_date, f.finding_id, f.item_id, f.section_id, f.clause, f.prompt, f.severity, f.zero_tolerance, f.summary,
      x.action_id, x.action, x.owner, x.due_date, x.status AS action_status
    FROM ${AUDIT_FROM} JOIN hq_finding f ON f.audit_id = a.audit_id AND f.finding_id = ?
    LEFT JOIN hq_action x ON x.audit_id = a.audit_id AND x.action_id = ?
    WHERE a.audit_id = ?`);
  return {
    total,
    counts,
    rows: keys.map((k) => {
      const r = detail.get(k.finding_id, k.action_id, k.audit_id) as Record<string, unknown>;
      const due = (r.due_date as string | null) ?? null;
      const status = (r.action_status as HqTrackerRow['actionStatus']) ?? null;
      return {
        kind: k.kind, auditId: r.audit_id as string, revision: r.revision as number, siteId: r.site_id as string, siteName: r.site_name as string,
        country: r.country as string, clients: JSON.parse(r.clients as string) as string[], auditorId: r.auditor_id as string,
        auditorName: r.auditor_name as string, startDate: r.start_date as string, findingId: r.finding_id as string, itemId: r.item_id as string,
        sectionId: r.section_id as string, clause: (r.clause as string | null) ?? null, prompt: (r.prompt as string | null) ?? null,
        severity: (r.severity as Severity | null) ?? null, zeroTolerance: r.zero_tolerance === 1, summary: r.summary as string,
        actionId: (r.action_id as string | null) ?? null, action: (r.action as string | null) ?? null, owner: (r.owner as string | null) ?? null,
        dueDate: due, actionStatus: status,
        daysOverdue: due && status && status !== 'closed' && due < asOf ? daysBetween(due, asOf) : null,
      };
    }),
  };
}
