// hq.dashboard: the figures a compliance manager puts in a board report,
// over the audits the filter selects (earlier revisions of reopened audits
// left out). Bands count finalized audits only; findings count every finding
// of those audits; overdue actions are open ones past their due date.
import type { Db } from '../../store/db';
import type { HqAuditFilter, HqDashboard } from '../../../../shared/contract/hq-ops';
import { AUDIT_FROM, auditWhere, today } from './filters';

export interface DashboardInput {
  filter: Pick<Partial<HqAuditFilter>, 'client' | 'country' | 'from' | 'to' | 'auditorId'>;
  asOf?: string;
  top: number;
}

const SEVERITY_SUMS = `SUM(CASE WHEN f.severity = 'critical' THEN 1 ELSE 0 END) AS critical,
  SUM(CASE WHEN f.severity = 'major' THEN 1 ELSE 0 END) AS major,
  SUM(CASE WHEN f.severity = 'minor' THEN 1 ELSE 0 END) AS minor, COUNT(*) AS total`;

type Row = Record<string, unknown>;
const counts = (r: Row) => ({ critical: Number(r.critical ?? 0), major: Number(r.major ?? 0), minor: Number(r.minor ?? 0) });

function grouped(rows: Row[], key: string): Array<{ key: string; bands: Array<{ key: string; count: number }> }> {
  const out = new Map<string, Array<{ key: string; count: number }>>();
  for (const r of rows) {
    const k = r[key] as string;
    const list = out.get(k) ?? [];
    list.push({ key: r.band as string, count: r.n as number });
    out.set(k, list);
  }
  return [...out].map(([k, bands]) => ({ key: k, bands }));
}

export function hqDashboard(db: Db, input: DashboardInput): HqDashboard {
  const asOf = input.asOf ?? today();
  const w = auditWhere({ ...input.filter, includeSuperseded: false });
  const q = (sql: string, ...extra: unknown[]) => db.prepare(sql).all(...w.params, ...extra) as Row[];
  const fromA = `FROM ${AUDIT_FROM} WHERE ${w.sql}`;
  const fromF = `FROM ${AUDIT_FROM} JOIN hq_finding f ON f.audit_id = a.audit_id WHERE ${w.sql}`;

  const t = q(`SELECT COUNT(*) AS audits, SUM(CASE WHEN a.status = 'finalized' THEN 1 ELSE 0 END) AS finalized,
    COUNT(DISTINCT a.site_id) AS sites, SUM(a.conflict) AS conflicts ${fromA}`)[0]!;
  const open = q(`SELECT ${SEVERITY_SUMS}, SUM(f.zero_tolerance) AS zt ${fromF} AND f.is_open = 1`)[0]!;
  const overdue = q(`SELECT COUNT(*) AS n FROM ${AUDIT_FROM} JOIN hq_action x ON x.audit_id = a.audit_id WHERE ${w.sql} AND x.status <> 'closed' AND x.due_date < ?`, asOf)[0]!;

  const byClient = q(`SELECT c.client, a.band, COUNT(*) AS n FROM ${AUDIT_FROM} JOIN hq_audit_client c ON c.audit_id = a.audit_id
    WHERE ${w.sql} AND a.status = 'finalized' AND a.band IS NOT NULL GROUP BY c.client, a.band ORDER BY c.client, a.band`);
  const byCountry = q(`SELECT a.country, a.band, COUNT(*) AS n ${fromA} AND a.status = 'finalized' AND a.band IS NOT NULL
    GROUP BY a.country, a.band ORDER BY a.country, a.band`);
  // A finding of an item HQ has no template for is counted under its item id.
  const byClause = q(`SELECT COALESCE(f.clause, 'item ' || f.item_id) AS clause, ${SEVERITY_SUMS} ${fromF}
    GROUP BY COALESCE(f.clause, 'item ' || f.item_id) ORDER BY total DESC, clause`);
  const bySection = q(`SELECT f.section_id, ${SEVERITY_SUMS} ${fromF} GROUP BY f.section_id ORDER BY total DESC, f.section_id`);
  const top = q(`SELECT f.item_id, MAX(f.prompt) AS prompt, MAX(f.clause) AS clause, COUNT(DISTINCT a.site_id) AS sites, COUNT(*) AS findings ${fromF}
    GROUP BY f.item_id ORDER BY sites DESC, findings DESC, f.item_id LIMIT ?`, input.top);
  const overdueBySite = q(`SELECT a.site_id, MAX(a.site_name) AS site_name, MAX(a.country) AS country, COUNT(*) AS n
    FROM ${AUDIT_FROM} JOIN hq_action x ON x.audit_id = a.audit_id WHERE ${w.sql} AND x.status <> 'closed' AND x.due_date < ?
    GROUP BY a.site_id ORDER BY n DESC, a.site_id LIMIT ?`, asOf, Math.max(input.top, 20));

  return {
    totals: {
      audits: Number(t.audits ?? 0), finalized: Number(t.finalized ?? 0), sites: Number(t.sites ?? 0), openFindings: counts(open),
      overdueActions: Number(overdue.n ?? 0), zeroToleranceAlerts: Number(open.zt ?? 0), conflicts: Number(t.conflicts ?? 0),
    },
    bandsByClient: grouped(byClient, 'client').map((g) => ({ client: g.key, bands: g.bands })),
    bandsByCountry: grouped(byCountry, 'country').map((g) => ({ country: g.key, bands: g.bands })),
    findingsByClause: byClause.map((r) => ({ clause: r.clause as string, counts: counts(r), total: r.total as number })),
    findingsBySection: bySection.map((r) => ({ sectionId: r.section_id as string, counts: counts(r), total: r.total as number })),
    topRecurring: top.map((r) => ({ itemId: r.item_id as string, prompt: (r.prompt as string | null) ?? null, clause: (r.clause as string | null) ?? null, sites: r.sites as number, findings: r.findings as number })),
    overdueBySite: overdueBySite.map((r) => ({ siteId: r.site_id as string, siteName: r.site_name as string, country: r.country as string, overdue: r.n as number })),
  };
}
