// hq.dashboard: the figures a compliance manager puts in a board report,
// over the audits the filter selects (earlier revisions of reopened audits
// left out). Bands count finalized audits only; findings count every finding
// of those audits; open findings and overdue actions leave out those closed
// after finalize (as the tracker does); overdue actions are open ones past their due date.
// Four passes, whatever the size: the audits (totals, bands by country,
// open findings, kept per audit by the projection), their clients, their
// findings grouped by item (clause, section and recurrence follow from the
// item), and their overdue actions by site. The last two read hq_fact
// (facts.ts), where each finding and action carries its audit's columns:
// one covering index each, no join of every finding to its audit.
import type { Db } from '../../store/db';
import type { HqAuditFilter, HqDashboard } from '../../../../shared/domain/hq';
import { AUDIT_ONLY, auditWhere, factSource, today } from './filters';
import { findingStillOpen, notClosedSince } from './action-status';

export interface DashboardInput {
  filter: Pick<Partial<HqAuditFilter>, 'client' | 'country' | 'from' | 'to' | 'auditorId'>;
  asOf?: string;
  top: number;
}

type Row = Record<string, unknown>;
type Counts = { critical: number; major: number; minor: number };
const n = (v: unknown): number => Number(v ?? 0);

function bandsBy(rows: Row[], key: string): Array<{ key: string; bands: Array<{ key: string; count: number }> }> {
  const out = new Map<string, Array<{ key: string; count: number }>>();
  for (const r of rows) {
    if (r.band === null || r.status !== 'finalized') continue;
    const k = r[key] as string;
    const list = out.get(k) ?? [];
    const b = list.find((x) => x.key === r.band);
    if (b) b.count += n(r.n);
    else list.push({ key: r.band as string, count: n(r.n) });
    out.set(k, list);
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, bands]) => ({ key: k, bands: bands.sort((x, y) => (x.key < y.key ? -1 : 1)) }));
}

function tally<K extends string>(rows: Row[], key: (r: Row) => K): Map<K, Counts & { total: number }> {
  const out = new Map<K, Counts & { total: number }>();
  for (const r of rows) {
    const k = key(r);
    const c = out.get(k) ?? { critical: 0, major: 0, minor: 0, total: 0 };
    c.critical += n(r.critical);
    c.major += n(r.major);
    c.minor += n(r.minor);
    c.total += n(r.total);
    out.set(k, c);
  }
  return out;
}

/** The requirement's text, read for the few items shown (the grouping itself reads only an index). */
const promptOf = (db: Db, itemId: string): string | null =>
  (db.prepare('SELECT prompt FROM hq_finding WHERE item_id = ? AND prompt IS NOT NULL LIMIT 1').get(itemId) as { prompt: string } | undefined)?.prompt ?? null;

/** A site as its newest current audit names it. */
const siteOf = (db: Db, siteId: string): { siteName: string; country: string } => {
  const r = db.prepare('SELECT a.site_name, a.country FROM hq_audit a WHERE a.site_id = ? AND a.superseded = 0 ORDER BY a.start_date DESC, a.audit_id DESC LIMIT 1').get(siteId) as { site_name: string; country: string };
  return { siteName: r.site_name, country: r.country };
};

const byTotal = <T extends { total: number }>(a: [string, T], b: [string, T]) => b[1].total - a[1].total || (a[0] < b[0] ? -1 : 1);

export function hqDashboard(db: Db, input: DashboardInput): HqDashboard {
  const asOf = input.asOf ?? today();
  const w = auditWhere({ ...input.filter, includeSuperseded: false });
  const q = (sql: string, ...extra: unknown[]) => db.prepare(sql).all(...w.params, ...extra) as Row[];
  const facts = factSource({ ...input.filter, includeSuperseded: false });
  const qf = (sql: string, ...extra: unknown[]) => db.prepare(sql).all(...facts.where.params, ...extra) as Row[];

  // The audits, grouped by what the totals and the bands need.
  const audits = q(`SELECT a.country, a.band, a.status, COUNT(*) AS n, SUM(a.conflict) AS conflicts
    FROM ${AUDIT_ONLY} WHERE ${w.sql} GROUP BY a.country, a.band, a.status`);
  // Open findings as the tracker counts them: open when finalized and not closed since (by a follow-up's verification).
  const open = qf(`SELECT SUM(CASE WHEN a.severity = 'critical' THEN 1 ELSE 0 END) AS critical, SUM(CASE WHEN a.severity = 'major' THEN 1 ELSE 0 END) AS major,
      SUM(CASE WHEN a.severity = 'minor' THEN 1 ELSE 0 END) AS minor, SUM(CASE WHEN a.zero_tolerance = 1 THEN 1 ELSE 0 END) AS zt
    FROM ${facts.from} WHERE ${facts.where.sql} AND a.entity = 'finding' AND a.is_open = 1 AND ${findingStillOpen('a')}`);
  const sites = q(`SELECT COUNT(DISTINCT a.site_id) AS n FROM ${AUDIT_ONLY} WHERE ${w.sql}`)[0]!;
  const byClient = q(`SELECT c.client, a.band, a.status, COUNT(*) AS n FROM ${AUDIT_ONLY} JOIN hq_audit_client c ON c.audit_id = a.audit_id
    WHERE ${w.sql} AND a.status = 'finalized' AND a.band IS NOT NULL GROUP BY c.client, a.band, a.status`);
  // Findings by item: clause, section and prompt belong to the item; recurrence is how many sites it was found at.
  const items = qf(`SELECT a.item_id, a.section_id, a.clause,
      SUM(CASE WHEN a.severity = 'critical' THEN 1 ELSE 0 END) AS critical, SUM(CASE WHEN a.severity = 'major' THEN 1 ELSE 0 END) AS major,
      SUM(CASE WHEN a.severity = 'minor' THEN 1 ELSE 0 END) AS minor, COUNT(*) AS total, COUNT(DISTINCT a.site_id) AS sites
    FROM ${facts.from} WHERE ${facts.where.sql} AND a.entity = 'finding' GROUP BY a.item_id, a.section_id, a.clause`);
  // Overdue actions counted by site from the index alone; the few sites shown are named after (as their newest audit names them).
  const overdue = qf(`SELECT a.site_id, COUNT(*) AS n
    FROM ${facts.from} WHERE ${facts.where.sql} AND a.entity = 'action' AND a.action_status IN ('open', 'in_progress') AND a.due_date > '' AND a.due_date < ?
      AND ${notClosedSince('a')} GROUP BY a.site_id`, asOf);

  const sum = (rows: Row[], k: string) => rows.reduce((t, r) => t + n(r[k]), 0);
  // A finding of an item HQ has no template for is counted under its item id.
  const clauses = tally(items, (r) => (r.clause as string | null) ?? `item ${r.item_id as string}`);
  const sections = tally(items, (r) => r.section_id as string);
  const recurring = new Map<string, { prompt: string | null; clause: string | null; sites: number; findings: number }>();
  for (const r of items) {
    const k = r.item_id as string;
    const x = recurring.get(k) ?? { prompt: null as string | null, clause: (r.clause as string | null) ?? null, sites: 0, findings: 0 };
    // An item in two sections (two templates) counts its sites in each; the larger count stands.
    x.sites = Math.max(x.sites, n(r.sites));
    x.findings += n(r.total);
    recurring.set(k, x);
  }
  return {
    totals: {
      audits: sum(audits, 'n'), finalized: sum(audits.filter((r) => r.status === 'finalized'), 'n'), sites: n(sites.n),
      openFindings: { critical: sum(open, 'critical'), major: sum(open, 'major'), minor: sum(open, 'minor') },
      overdueActions: sum(overdue, 'n'), zeroToleranceAlerts: sum(open, 'zt'), conflicts: sum(audits, 'conflicts'),
    },
    bandsByClient: bandsBy(byClient, 'client').map((g) => ({ client: g.key, bands: g.bands })),
    bandsByCountry: bandsBy(audits, 'country').map((g) => ({ country: g.key, bands: g.bands })),
    findingsByClause: [...clauses].sort(byTotal).map(([clause, c]) => ({ clause, counts: { critical: c.critical, major: c.major, minor: c.minor }, total: c.total })),
    findingsBySection: [...sections].sort(byTotal).map(([sectionId, c]) => ({ sectionId, counts: { critical: c.critical, major: c.major, minor: c.minor }, total: c.total })),
    topRecurring: [...recurring].sort(([a, x], [b, y]) => y.sites - x.sites || y.findings - x.findings || (a < b ? -1 : 1)).slice(0, input.top)
      .map(([itemId, x]) => ({ itemId, ...x, prompt: promptOf(db, itemId) })),
    overdueBySite: overdue.sort((a, b) => n(b.n) - n(a.n) || ((a.site_id as string) < (b.site_id as string) ? -1 : 1)).slice(0, Math.max(input.top, 20))
      .map((r) => ({ siteId: r.site_id as string, ...siteOf(db, r.site_id as string), overdue: n(r.n) })),
  };
}
