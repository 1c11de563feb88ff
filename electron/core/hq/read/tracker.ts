// hq.tracker: what someone must act on, across every site. Three kinds of
// row: open findings of the chosen severities (critical and major by
// default), each with its earliest-due open corrective action and every
// action of the finding with where it stands now; corrective
// actions past their due date; and open zero-tolerance
// findings. The severities chosen narrow every kind (an overdue action and a
// zero-tolerance alert by their finding's grade), so the counts beside each
// kind and the rows listed always agree. Earlier revisions of a reopened
// audit are left out.
import type { Db } from '../../store/db';
import { HQ_TRACKER_KINDS, type HqAuditFilter, type HqTrackerRow, type HQ_TRACKER_SORTS } from '../../../../shared/domain/hq';
import { AUDIT_FROM, factSource, orderBy, today } from './filters';
import { closureOf, findingActions, findingStillOpen, notClosedSince } from './action-status';

type Kind = (typeof HQ_TRACKER_KINDS)[number];
type Severity = 'critical' | 'major' | 'minor';

export interface TrackerInput {
  filter: Omit<Partial<HqAuditFilter>, 'includeSuperseded' | 'conflict'> & { kinds: Kind[]; severities: Severity[]; asOf?: string };
  sort: { by: (typeof HQ_TRACKER_SORTS)[number]; dir: 'asc' | 'desc' };
  page: { offset: number; limit: number };
}

type SortBy = TrackerInput['sort']['by'];
const rank = (col: string) => `CASE ${col} WHEN 'critical' THEN 0 WHEN 'major' THEN 1 WHEN 'minor' THEN 2 ELSE 3 END`;

/**
 * Each kind reads hq_fact (facts.ts: the audit's columns copied beside each
 * finding and action) through one covering index, selecting its keys and one
 * sort key (sk); the page's details are read after the page is chosen.
 * Days overdue grow as the due date falls back: that sort is by due date the
 * other way, the rows not overdue last.
 */
function sortKey(by: SortBy, kind: Kind): { sql: string; asOf: boolean; join?: string } {
  switch (by) {
    case 'dueDate': return { sql: 'a.due_date', asOf: false };
    case 'daysOverdue': return kind === 'overdue_action' ? { sql: 'a.due_date', asOf: false } : { sql: "CASE WHEN a.due_date > '' AND a.due_date < ? THEN a.due_date END", asOf: true };
    case 'severity': return { sql: rank('a.severity'), asOf: false };
    case 'site': return { sql: 'a.site_name', asOf: false };
    case 'country': return { sql: 'a.country', asOf: false };
    case 'startDate': return { sql: 'a.start_date', asOf: false };
    // Joined once per row rather than looked up for each use of the key.
    case 'auditor': return { sql: 'sau.name', asOf: false, join: `LEFT JOIN audit_owners sown ON sown.audit_id = a.audit_id
      LEFT JOIN auditors sau ON sau.fingerprint = COALESCE(sown.fingerprint, a.signer_fingerprint)` };
  }
}

/** Each kind's rows in hq_fact: a condition and its parameters (after the audit filter's). */
function kindWhere(kind: Kind, severities: Severity[], asOf: string): { sql: string; params: unknown[] } {
  const grade = `a.severity IN (${severities.map(() => '?').join(', ')})`;
  switch (kind) {
    case 'finding': return { sql: `a.entity = 'finding' AND a.is_open = 1 AND ${findingStillOpen('a')} AND ${grade}`, params: [...severities] };
    // An overdue action is graded by its finding: "minor" unticked hides minor findings' overdue actions too.
    // A collaborative action has no closing date ('' here): a progress review date instead, never overdue.
    case 'overdue_action': return { sql: `a.entity = 'action' AND a.action_status IN ('open', 'in_progress') AND a.due_date > '' AND a.due_date < ? AND ${notClosedSince('a')} AND ${grade}`, params: [asOf, ...severities] };
    case 'zero_tolerance': return { sql: `a.entity = 'finding' AND a.is_open = 1 AND a.zero_tolerance = 1 AND ${findingStillOpen('a')} AND ${grade}`, params: [...severities] };
  }
}

/** How many rows each kind has under the filter (every kind, shown or not). */
function countKinds(db: Db, input: TrackerInput, asOf: string): Record<Kind, number> {
  const { from, where: w } = factSource({ ...input.filter, includeSuperseded: false });
  const counts: Record<Kind, number> = { finding: 0, overdue_action: 0, zero_tolerance: 0 };
  for (const kind of HQ_TRACKER_KINDS) {
    const k = kindWhere(kind, input.filter.severities, asOf);
    counts[kind] = (db.prepare(`SELECT COUNT(*) AS n FROM ${from} WHERE ${k.sql} AND ${w.sql}`).get(...k.params, ...w.params) as { n: number }).n;
  }
  return counts;
}

/**
 * The page's keys: each kind's first offset + limit rows in the page's order
 * (a bounded sort, or an index walk for the due date), then those few put
 * together, sorted and cut. The same order inside and outside, so the page
 * is the one a sort of everything would give.
 */
function pageKeys(db: Db, input: TrackerInput, asOf: string, kinds: Kind[]): Key[] {
  const { from, where: w } = factSource({ ...input.filter, includeSuperseded: false });
  const dir = input.sort.by === 'daysOverdue' ? (input.sort.dir === 'asc' ? 'desc' : 'asc') : input.sort.dir;
  const top = input.page.offset + input.page.limit;
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const kind of kinds) {
    const k = kindWhere(kind, input.filter.severities, asOf);
    const sk = sortKey(input.sort.by, kind);
    const skParams = sk.asOf ? [asOf] : [];
    parts.push(`SELECT * FROM (SELECT '${kind}' AS kind, a.audit_id, a.finding_id, a.action_id, ${sk.sql} AS sk FROM ${from} ${sk.join ?? ''} WHERE ${k.sql} AND ${w.sql}
      ORDER BY ${orderBy(sk.sql, dir)}, a.audit_id, a.finding_id, a.action_id LIMIT ?)`);
    params.push(...skParams, ...k.params, ...w.params, ...skParams, ...skParams, top);
  }
  return db.prepare(`SELECT t.kind, t.audit_id, t.finding_id, t.action_id FROM (${parts.join(' UNION ALL ')}) t
    ORDER BY ${orderBy('t.sk', dir)}, t.kind, t.audit_id, t.finding_id, t.action_id LIMIT ? OFFSET ?`).all(...params, input.page.limit, input.page.offset) as Key[];
}

type Key = { kind: Kind; audit_id: string; finding_id: string; action_id: string | null };

/** The page's rows in one statement, in the page's order (ord): the keys as a VALUES list joined to the read model. */
function pageDetails(db: Db, keys: Key[]): Array<Record<string, unknown>> {
  if (!keys.length) return [];
  return db.prepare(`WITH k (ord, audit_id, finding_id, action_id) AS (VALUES ${keys.map(() => '(?, ?, ?, ?)').join(', ')})
    SELECT k.ord, a.audit_id, a.revision, a.site_id, a.site_name, a.country, a.clients, COALESCE(au.auditor_id, '') AS auditor_id,
      COALESCE(au.name, '') AS auditor_name, a.start_date, f.finding_id, f.item_id, f.section_id, f.clause, f.prompt, f.severity, f.zero_tolerance, f.summary,
      x.action_id, x.action, x.owner, x.due_date, x.status AS action_status
    FROM k CROSS JOIN ${AUDIT_FROM} JOIN hq_finding f ON f.audit_id = a.audit_id AND f.finding_id = k.finding_id
      LEFT JOIN hq_action x ON x.audit_id = a.audit_id AND x.action_id = k.action_id
    WHERE a.audit_id = k.audit_id ORDER BY k.ord`).all(...keys.flatMap((k, i) => [i, k.audit_id, k.finding_id, k.action_id])) as Array<Record<string, unknown>>;
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export function trackHq(db: Db, input: TrackerInput): { total: number; counts: Record<Kind, number>; rows: HqTrackerRow[] } {
  const asOf = input.filter.asOf ?? today();
  if (!input.filter.severities.length) return { total: 0, counts: { finding: 0, overdue_action: 0, zero_tolerance: 0 }, rows: [] };
  // Every kind is counted under the same filter, shown or not, so a kind ticked on again lists what its count said.
  const counts = countKinds(db, input, asOf);
  const shown = HQ_TRACKER_KINDS.filter((k) => input.filter.kinds.includes(k));
  const total = shown.reduce((n, k) => n + counts[k], 0);
  if (!shown.length) return { total, counts, rows: [] };
  const keys = pageKeys(db, input, asOf, shown);
  return {
    total,
    counts,
    rows: pageDetails(db, keys).map((r) => {
      const k = keys[r.ord as number]!;
      const due = (r.due_date as string | null) ?? null;
      const status = (r.action_status as HqTrackerRow['actionStatus']) ?? null;
      const closure = closureOf(db, r.audit_id as string, (r.action_id as string | null) ?? null);
      return {
        kind: k.kind, auditId: r.audit_id as string, revision: r.revision as number, siteId: r.site_id as string, siteName: r.site_name as string,
        country: r.country as string, clients: JSON.parse(r.clients as string) as string[], auditorId: r.auditor_id as string,
        auditorName: r.auditor_name as string, startDate: r.start_date as string, findingId: r.finding_id as string, itemId: r.item_id as string,
        sectionId: r.section_id as string, clause: (r.clause as string | null) ?? null, prompt: (r.prompt as string | null) ?? null,
        severity: (r.severity as Severity | null) ?? null, zeroTolerance: r.zero_tolerance === 1, summary: r.summary as string,
        actionId: (r.action_id as string | null) ?? null, action: (r.action as string | null) ?? null, owner: (r.owner as string | null) ?? null,
        dueDate: due, actionStatus: status, closure,
        daysOverdue: due && status && status !== 'closed' && closure?.status !== 'closed' && due < asOf ? daysBetween(due, asOf) : null,
        actions: findingActions(db, r.audit_id as string, r.finding_id as string, asOf),
      };
    }),
  };
}
