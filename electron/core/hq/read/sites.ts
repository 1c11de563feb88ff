// hq.sites: every site HQ has audits of, named as its newest audit names it,
// with its latest finalized band, the trend against the finalized audit
// before it, open findings and overdue actions. Earlier revisions of a
// reopened audit are left out (the later revision stands for it). What was
// closed after finalize (the audits' action chains) is neither open nor
// overdue, as in the tracker.
import type { Db } from '../../store/db';
import type { HqSiteRow } from '../../../../shared/domain/hq';
import { likePattern, orderBy, today } from './filters';
import { notClosedSince } from './action-status';

export interface SiteListInput {
  filter: { client?: string; country?: string; text?: string };
  sort: { by: 'name' | 'country' | 'lastAuditDate' | 'latestBand' | 'openFindings'; dir: 'asc' | 'desc' };
  page: { offset: number; limit: number };
}

const SORTS: Record<SiteListInput['sort']['by'], string> = {
  name: 'r.site_name', country: 'r.country', lastAuditDate: 'op.last_date', latestBand: 'f.band',
  openFindings: '(COALESCE(op.critical, 0) * 1000000 + COALESCE(op.major, 0) * 1000 + COALESCE(op.minor, 0))',
};

const BASE = `
  WITH ranked AS MATERIALIZED (
    SELECT a.site_id, a.site_name, a.country, a.clients,
      ROW_NUMBER() OVER (PARTITION BY a.site_id ORDER BY a.start_date DESC, a.audit_id DESC) AS rn
    FROM hq_audit a WHERE a.superseded = 0),
  fin AS MATERIALIZED (
    SELECT a.site_id, a.band, a.percent,
      ROW_NUMBER() OVER (PARTITION BY a.site_id ORDER BY a.start_date DESC, a.audit_id DESC) AS rn
    FROM hq_audit a WHERE a.superseded = 0 AND a.status = 'finalized'),
  -- The latest two finalized audits as one row a site: joined by rank instead, the planner
  -- scanned every finalized audit for every site (2,500 sites × 9,000 audits took a second).
  last2 AS MATERIALIZED (
    SELECT site_id, MAX(CASE WHEN rn = 1 THEN band END) AS band, MAX(CASE WHEN rn = 1 THEN percent END) AS percent,
      MAX(CASE WHEN rn = 2 THEN band END) AS prev_band, MAX(CASE WHEN rn = 2 THEN percent END) AS prev_percent
    FROM fin WHERE rn <= 2 GROUP BY site_id),
  -- Open findings as each audit recorded them, less those closed since (its action chain).
  recorded AS MATERIALIZED (
    SELECT a.site_id, COUNT(*) AS audits, MAX(a.start_date) AS last_date, SUM(a.open_critical) AS critical, SUM(a.open_major) AS major, SUM(a.open_minor) AS minor
    FROM hq_audit a WHERE a.superseded = 0 GROUP BY a.site_id),
  cl AS MATERIALIZED (
    SELECT a.site_id, SUM(f.severity = 'critical') AS critical, SUM(f.severity = 'major') AS major, SUM(f.severity = 'minor') AS minor
    FROM hq_finding_closure fc JOIN hq_finding f ON f.audit_id = fc.audit_id AND f.finding_id = fc.finding_id JOIN hq_audit a ON a.audit_id = f.audit_id
    WHERE a.superseded = 0 AND f.is_open = 1 GROUP BY a.site_id),
  op AS MATERIALIZED (
    SELECT o.site_id, o.audits, o.last_date, o.critical - COALESCE(cl.critical, 0) AS critical, o.major - COALESCE(cl.major, 0) AS major,
      o.minor - COALESCE(cl.minor, 0) AS minor
    FROM recorded o LEFT JOIN cl ON cl.site_id = o.site_id),
  od AS MATERIALIZED (
    SELECT a.site_id, COUNT(*) AS overdue FROM hq_action x JOIN hq_audit a ON a.audit_id = x.audit_id
    WHERE a.superseded = 0 AND x.status IN ('open', 'in_progress') AND x.due_date > '' AND x.due_date < ? AND ${notClosedSince('x')} GROUP BY a.site_id)
  SELECT r.site_id, r.site_name, r.country, r.clients, op.audits, op.last_date, f.band, f.percent, f.prev_band, f.prev_percent,
    COALESCE(op.critical, 0) AS critical, COALESCE(op.major, 0) AS major, COALESCE(op.minor, 0) AS minor, COALESCE(od.overdue, 0) AS overdue,
    COUNT(*) OVER () AS total
  FROM ranked r JOIN op ON op.site_id = r.site_id
    LEFT JOIN last2 f ON f.site_id = r.site_id
    LEFT JOIN od ON od.site_id = r.site_id
  WHERE r.rn = 1`;

type Trend = HqSiteRow['trend'];

/** Scores when both have one; otherwise grades, where the earlier letter is the better one (A before E). */
export function trendOf(band: string | null, percent: number | null, prevBand: string | null, prevPercent: number | null): Trend {
  if (band === null) return null;
  if (prevBand === null) return 'new';
  if (percent !== null && prevPercent !== null) return percent > prevPercent ? 'up' : percent < prevPercent ? 'down' : 'same';
  return band === prevBand ? 'same' : band < prevBand ? 'up' : 'down';
}

export function listHqSites(db: Db, input: SiteListInput, asOf = today()): { total: number; rows: HqSiteRow[] } {
  const where: string[] = [];
  const params: unknown[] = [asOf];
  if (input.filter.country) { where.push('r.country = ?'); params.push(input.filter.country); }
  if (input.filter.client) {
    where.push('EXISTS (SELECT 1 FROM hq_audit_client c JOIN hq_audit a2 ON a2.audit_id = c.audit_id WHERE a2.site_id = r.site_id AND c.client = ?)');
    params.push(input.filter.client);
  }
  if (input.filter.text) { where.push("lower(r.site_name) LIKE ? ESCAPE '\\'"); params.push(likePattern(input.filter.text)); }
  const sql = `${BASE}${where.map((w) => ` AND ${w}`).join('')}`;
  const rows = db.prepare(`${sql} ORDER BY ${orderBy(SORTS[input.sort.by], input.sort.dir)}, r.site_id LIMIT ? OFFSET ?`)
    .all(...params, input.page.limit, input.page.offset) as Array<Record<string, unknown>>;
  // The page carries the total (a window over every row before LIMIT); only a page past the end needs counting apart.
  const total = rows.length ? (rows[0]!.total as number)
    : input.page.offset ? (db.prepare(`SELECT COUNT(*) AS n FROM (${sql}) t`).get(...params) as { n: number }).n : 0;
  const history = historyOf(db, rows.map((r) => r.site_id as string));
  return {
    total,
    rows: rows.map((r) => ({
      siteId: r.site_id as string, name: r.site_name as string, country: r.country as string, clients: JSON.parse(r.clients as string) as string[],
      audits: r.audits as number, lastAuditDate: (r.last_date as string | null) ?? null, latestBand: (r.band as string | null) ?? null,
      latestPercent: (r.percent as number | null) ?? null,
      trend: trendOf((r.band as string | null) ?? null, (r.percent as number | null) ?? null, (r.prev_band as string | null) ?? null, (r.prev_percent as number | null) ?? null),
      openFindings: { critical: r.critical as number, major: r.major as number, minor: r.minor as number }, overdueActions: r.overdue as number,
      history: history.get(r.site_id as string) ?? [],
    })),
  };
}

const HISTORY = 20;

function historyOf(db: Db, siteIds: string[]): Map<string, HqSiteRow['history']> {
  const out = new Map<string, HqSiteRow['history']>();
  if (!siteIds.length) return out;
  const rows = db.prepare(`SELECT a.site_id, a.audit_id, a.revision, a.status, a.finalized_at, a.band, a.percent, a.start_date, COALESCE(au.name, '') AS auditor_name
    FROM hq_audit a LEFT JOIN audit_owners o ON o.audit_id = a.audit_id LEFT JOIN auditors au ON au.fingerprint = COALESCE(o.fingerprint, a.signer_fingerprint)
    WHERE a.superseded = 0 AND a.site_id IN (${siteIds.map(() => '?').join(', ')}) ORDER BY a.site_id, a.start_date DESC, a.audit_id DESC`).all(...siteIds) as Array<Record<string, unknown>>;
  for (const r of rows) {
    const list = out.get(r.site_id as string) ?? [];
    if (list.length >= HISTORY) continue;
    list.push({
      auditId: r.audit_id as string, revision: r.revision as number, status: r.status as HqSiteRow['history'][number]['status'],
      finalizedAt: (r.finalized_at as string | null) ?? null, band: (r.band as string | null) ?? null, percent: (r.percent as number | null) ?? null,
      startDate: r.start_date as string, auditorName: r.auditor_name as string,
    });
    out.set(r.site_id as string, list);
  }
  return out;
}
