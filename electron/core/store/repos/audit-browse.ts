// The home screen's query: per group, its count and a page of rows, newest
// first. Sorting and paging happen in SQL on the start-date indexes
// (migration 011); the answer and finding counts are kept in the audit row
// (migration 014).
import type { z } from 'zod';
import type { Core } from '../../core';
import { AUDIT_GROUPS, AuditBrowseQuery, BROWSE_PAGE, type AuditBrowse, type AuditGroup, type AuditListRow } from '../../../../shared/domain/audit-list';
import { stmt } from '../stmt';
import { auditFilters } from './audits';

type Row = Record<string, unknown>;

/** Where the auditor's work stands. An audit still being worked on is in progress whatever was sent of it. */
export const GROUP_SQL: Record<AuditGroup, string> = {
  progress: "a.status != 'finalized'",
  finalized: "a.status = 'finalized' AND a.sent_at IS NULL",
  sent: "a.status = 'finalized' AND a.sent_at IS NOT NULL",
};

const GROUP_OF = `CASE WHEN ${GROUP_SQL.progress} THEN 'progress' WHEN a.sent_at IS NULL THEN 'finalized' ELSE 'sent' END`;

/** The joins are only made when a filter needs them (the counts of an unfiltered screen read the audits alone). */
function from(needsJoins: boolean): string {
  return needsJoins ? 'audits a JOIN sites s ON s.id = a.site_id JOIN templates t ON t.id = a.template_id' : 'audits a';
}

export function pageSql(group: AuditGroup, where: string[]): string {
  return `SELECT a.id, a.status, a.type, a.start_date, a.revision, a.sent_at, a.last_change_at, a.updated_at,
      s.name AS site_name, s.clients AS site_clients, s.country AS site_country, t.name AS template_name, t.items AS template_items,
      a.answered_count, a.finding_count
    FROM ${from(true)}
    WHERE ${[GROUP_SQL[group], ...where].join(' AND ')}
    ORDER BY a.start_date DESC, a.id DESC LIMIT @limit`;
}

export function countSql(where: string[]): string {
  return `SELECT ${GROUP_OF} AS grp, count(*) AS n FROM ${from(where.length > 0)}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY grp`;
}

function rowOf(r: Row): AuditListRow {
  return {
    id: r.id as string, siteName: r.site_name as string, clients: JSON.parse(r.site_clients as string) as string[],
    country: r.site_country as string, type: r.type as AuditListRow['type'], templateName: r.template_name as string,
    startDate: r.start_date as string, status: r.status as AuditListRow['status'], revision: r.revision as number,
    answered: r.answered_count as number, total: r.template_items as number, findings: r.finding_count as number,
    sent: r.sent_at != null, lastChange: (r.last_change_at ?? r.updated_at) as string,
  };
}

export function browseAudits(core: Core, q: z.output<typeof AuditBrowseQuery>): AuditBrowse {
  const { rows: wanted, ...filters } = q;
  const { where, params } = auditFilters(filters);
  const counts = new Map((stmt(core.db, countSql(where)).all(params) as Array<{ grp: AuditGroup; n: number }>).map((r) => [r.grp, r.n]));
  return {
    groups: AUDIT_GROUPS.map((id) => {
      const count = counts.get(id) ?? 0;
      const limit = Math.min(count, wanted?.[id] ?? BROWSE_PAGE);
      const rows = limit ? (stmt(core.db, pageSql(id, where)).all({ ...params, limit }) as Row[]).map(rowOf) : [];
      return { id, count, rows };
    }),
  };
}
