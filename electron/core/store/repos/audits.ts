import { stmt } from '../stmt';
import type { Core } from '../../core';
import type { Audit, AuditDetail, AuditInput, AuditSummary, AuditQuery } from '../../../../shared/domain/audit';
import type { z } from 'zod';
import type { AuditListQuery } from '../../../../shared/domain/audit-list';
import { uuidv7 } from '../../../../shared/ids';
import type { Db } from '../db';
import { getProfile } from './profile';
import { record } from './record';
import { actionFromRow, auditFromRow, findingFromRow, noteFromRow, responseFromRow } from './rows';
import { nowIso } from '../clock';
import { getSite } from './sites';
import { loadTemplate } from './templates';
import { refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';

type Row = Record<string, unknown>;
// The time of the audit's newest event, kept in its row by a trigger on
// events (migration 011): the same transaction as the change it dates.
const LAST_CHANGE = 'a.last_change_at AS last_change';

export const LOCKED_MESSAGE = msg('audit.locked');

export function getAudit(db: Db, id: string): Audit {
  const r = stmt(db, `SELECT a.*, ${LAST_CHANGE} FROM audits a WHERE a.id = ?`).get(id) as Row | undefined;
  if (!r) throw refusal('not_found', msg('audit.missing'));
  return auditFromRow(r);
}

/** Every write to an audit's content goes through this check. */
export const AUDIT_LOCKED = () => refusal('locked', LOCKED_MESSAGE);

export function requireEditable(audit: Audit): void {
  if (audit.status === 'finalized') throw AUDIT_LOCKED();
}

export function editableAudit(db: Db, id: string): Audit {
  const a = getAudit(db, id);
  requireEditable(a);
  return a;
}

/** `leadAuditor` defaults to the profile's name (the demo names its own). */
export function createAudit(core: Core, input: AuditInput, leadAuditor?: string): Audit {
  return core.db.transaction(() => {
    getSite(core.db, input.siteId);
    loadTemplate(core, input.templateId);
    const id = uuidv7();
    const now = nowIso();
    const lead = leadAuditor ?? getProfile(core.db)?.name ?? '';
    stmt(core.db, `INSERT INTO audits (id, site_id, template_id, revision, previous_id, status, type, start_date, end_date, team, scope, lead_auditor, created_at, updated_at)
      VALUES (?, ?, ?, 1, NULL, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, input.siteId, input.templateId, input.type, input.startDate,
      input.endDate, JSON.stringify(input.team), input.scope, lead, now, now);
    const audit = getAudit(core.db, id);
    record(core, id, 'audit', id, 'create', null, audit);
    return audit;
  }).immediate();
}

export function setStatus(core: Core, auditId: string, from: Audit['status'], to: Audit['status']): void {
  stmt(core.db, 'UPDATE audits SET status = ?, updated_at = ? WHERE id = ?').run(to, nowIso(), auditId);
  record(core, auditId, 'audit', auditId, 'status', { status: from }, { status: to });
}

export function touchAudit(db: Db, id: string): void {
  stmt(db, 'UPDATE audits SET updated_at = ? WHERE id = ?').run(nowIso(), id);
}

export function auditDetail(core: Core, id: string): AuditDetail {
  const audit = getAudit(core.db, id);
  const all = (sql: string) => stmt(core.db, sql).all(id) as Row[];
  return {
    audit,
    site: getSite(core.db, audit.siteId),
    responses: all('SELECT * FROM responses WHERE audit_id = ? ORDER BY item_id').map(responseFromRow),
    findings: all('SELECT * FROM findings WHERE audit_id = ? ORDER BY id').map(findingFromRow),
    actions: all('SELECT * FROM corrective_actions WHERE audit_id = ? ORDER BY id').map(actionFromRow),
    notes: all('SELECT * FROM notes WHERE audit_id = ? ORDER BY id').map(noteFromRow),
  };
}

/** The filters of audits.list and audits.browse, as SQL over audits a, sites s, templates t. */
export function auditFilters(q: z.output<typeof AuditQuery>): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.siteId) { where.push('a.site_id = @siteId'); params.siteId = q.siteId; }
  if (q.client) { where.push('EXISTS (SELECT 1 FROM json_each(s.clients) WHERE value = @client)'); params.client = q.client; }
  if (q.from) { where.push('a.end_date >= @from'); params.from = q.from; }
  if (q.to) { where.push('a.start_date <= @to'); params.to = q.to; }
  if (q.text?.trim()) {
    where.push("(s.name LIKE @text ESCAPE '\\' OR s.clients LIKE @text ESCAPE '\\' OR s.country LIKE @text ESCAPE '\\' OR a.scope LIKE @text ESCAPE '\\' OR a.lead_auditor LIKE @text ESCAPE '\\' OR t.name LIKE @text ESCAPE '\\')");
    params.text = `%${q.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return { where, params };
}

// The columns of an Audit, read without the row's bookkeeping columns.
const AUDIT_COLUMNS = ['id', 'site_id', 'template_id', 'revision', 'previous_id', 'status', 'type', 'start_date', 'end_date', 'team',
  'scope', 'lead_auditor', 'created_at', 'updated_at', 'finalized_at', 'content_hash', 'sent_at',
  'kind', 'follow_up_of', 'follow_up_mode'].map((c) => `a.${c}`).join(', ');

/** Name and item count of each checklist, read once per list: a few rows, whatever the number of audits. */
export function templateNames(db: Db): Map<string, { name: string; items: number }> {
  const rows = stmt(db, 'SELECT id, name, items FROM templates').all() as Array<{ id: string; name: string; items: number }>;
  return new Map(rows.map((r) => [r.id, { name: r.name, items: r.items }]));
}

/**
 * Newest first, sorted and paged in SQL on the start-date index. The counts
 * come from the audit row (migration 014) and the checklists from one small
 * read, so the cost grows with the audits listed and nothing else.
 */
export function listSql(where: string[], o: { searchesTemplates: boolean; paged: boolean }): string {
  return `SELECT ${AUDIT_COLUMNS}, ${LAST_CHANGE}, a.answered_count, a.finding_count,
      s.name AS site_name, s.clients AS site_clients, s.country AS site_country
    FROM audits a JOIN sites s ON s.id = a.site_id${o.searchesTemplates ? ' JOIN templates t ON t.id = a.template_id' : ''}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY a.start_date DESC, a.id DESC${o.paged ? ' LIMIT @limit' : ''}`;
}

export function listAudits(core: Core, q: z.output<typeof AuditListQuery>): AuditSummary[] {
  const { limit, after, ...filters } = q;
  const { where, params } = auditFilters(filters);
  // The next page seeks in the start-date index to where the last one ended (no rows skipped one by one).
  if (after) {
    where.push('(a.start_date, a.id) < (@afterDate, @afterId)');
    Object.assign(params, { afterDate: after.startDate, afterId: after.id });
  }
  // The text search also matches the checklist's name.
  const sql = listSql(where, { searchesTemplates: Boolean(filters.text?.trim()), paged: limit !== undefined });
  const rows = stmt(core.db, sql).all(limit === undefined ? params : { ...params, limit }) as Row[];
  const templates = templateNames(core.db);
  return rows.map((r) => {
    const t = templates.get(r.template_id as string);
    return {
      ...auditFromRow(r),
      siteName: r.site_name as string,
      clients: JSON.parse(r.site_clients as string) as string[],
      country: r.site_country as string,
      templateName: t?.name ?? '',
      answered: r.answered_count as number,
      total: t?.items ?? 0,
      findings: r.finding_count as number,
      sent: r.sent_at != null,
    };
  });
}
