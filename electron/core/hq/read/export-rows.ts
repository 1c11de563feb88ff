// The rows of HQ's table exports: audits, findings or corrective actions of
// the audits a filter selects, read in batches (keyset pages), so an export
// of the whole organisation never holds it in memory at once.
import type { Db } from '../../store/db';
import type { HqAuditFilter } from '../../../../shared/domain/hq';
import { iterateHqAudits } from './audits';
import { AUDIT_FROM, auditWhere, today } from './filters';

export type Cell = string | number | boolean | null;

export interface Table {
  headers: string[];
  rows: Iterable<Cell[]>;
}

const AUDIT_HEADERS = ['Audit ID', 'Revision', 'Status', 'Site', 'Country', 'Clients', 'Auditor', 'Auditor ID', 'Start date', 'End date', 'Finalized at',
  'Score (%)', 'Band', 'Critical', 'Major', 'Minor', 'Zero tolerance', 'Open actions', 'Overdue actions', 'Conflicting versions', 'Superseded'];

function* auditRows(db: Db, filter: HqAuditFilter, asOf: string): Generator<Cell[]> {
  for (const a of iterateHqAudits(db, filter, asOf)) {
    yield [a.auditId, a.revision, a.status, a.siteName, a.country, a.clients.join('; '), a.auditorName, a.auditorId, a.startDate, a.endDate, a.finalizedAt,
      a.percent, a.band, a.findings.critical, a.findings.major, a.findings.minor, a.zeroTolerance, a.openActions, a.overdueActions, a.conflict, a.superseded];
  }
}

const FINDING_HEADERS = ['Audit ID', 'Revision', 'Site', 'Country', 'Clients', 'Auditor', 'Start date', 'Item', 'Section', 'Clause', 'Requirement',
  'Severity', 'Zero tolerance', 'Source', 'Summary', 'Note', 'Open'];
const ACTION_HEADERS = ['Audit ID', 'Revision', 'Site', 'Country', 'Clients', 'Auditor', 'Item', 'Clause', 'Severity', 'Corrective action', 'Owner',
  'Due date', 'Status', 'Overdue', 'Verification', 'Root cause', 'Preventive action', 'Timescale', 'Verification method', 'Site acceptance'];

const AUDIT_PART = `a.audit_id, a.revision, a.site_name, a.country, a.clients, COALESCE(au.name, '') AS auditor_name, a.start_date`;

/** Rows of a child table joined to the filtered audits, in pages keyed by (audit id, row id). */
function* keyset(db: Db, sql: string, idColumn: string, params: unknown[], batch = 1000): Generator<Record<string, unknown>> {
  const q = db.prepare(`${sql} AND (a.audit_id > ? OR (a.audit_id = ? AND ${idColumn} > ?)) ORDER BY a.audit_id, ${idColumn} LIMIT ?`);
  for (let audit = '', id = ''; ;) {
    const rows = q.all(...params, audit, audit, id, batch) as Array<Record<string, unknown>>;
    yield* rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    audit = last.audit_id as string;
    id = last.row_id as string;
  }
}

const clients = (r: Record<string, unknown>) => (JSON.parse(r.clients as string) as string[]).join('; ');

function* findingRows(db: Db, filter: HqAuditFilter): Generator<Cell[]> {
  const w = auditWhere(filter);
  const sql = `SELECT ${AUDIT_PART}, f.finding_id AS row_id, f.item_id, f.section_id, f.clause, f.prompt, f.severity, f.zero_tolerance, f.source, f.summary, f.note, f.is_open
    FROM ${AUDIT_FROM} JOIN hq_finding f ON f.audit_id = a.audit_id WHERE ${w.sql}`;
  for (const r of keyset(db, sql, 'f.finding_id', w.params)) {
    yield [r.audit_id, r.revision, r.site_name, r.country, clients(r), r.auditor_name, r.start_date, r.item_id, r.section_id, r.clause, r.prompt,
      r.severity, r.zero_tolerance === 1, r.source, r.summary, r.note, r.is_open === 1] as Cell[];
  }
}

function* actionRows(db: Db, filter: HqAuditFilter, asOf: string): Generator<Cell[]> {
  const w = auditWhere(filter);
  const sql = `SELECT ${AUDIT_PART}, x.action_id AS row_id, f.item_id, f.clause, f.severity, x.action, x.owner, x.due_date, x.status, x.verification,
      x.root_cause, x.preventive_action, x.timescale, x.verification_method, x.site_acceptance
    FROM ${AUDIT_FROM} JOIN hq_action x ON x.audit_id = a.audit_id LEFT JOIN hq_finding f ON f.audit_id = x.audit_id AND f.finding_id = x.finding_id
    WHERE ${w.sql}`;
  for (const r of keyset(db, sql, 'x.action_id', w.params)) {
    yield [r.audit_id, r.revision, r.site_name, r.country, clients(r), r.auditor_name, r.item_id, r.clause, r.severity, r.action, r.owner, r.due_date,
      r.status, r.status !== 'closed' && (r.due_date as string) < asOf, r.verification, r.root_cause, r.preventive_action, r.timescale,
      r.verification_method, r.site_acceptance] as Cell[];
  }
}

export function exportTable(db: Db, what: 'audits' | 'findings' | 'actions', filter: HqAuditFilter, asOf = today()): Table {
  if (what === 'audits') return { headers: AUDIT_HEADERS, rows: auditRows(db, filter, asOf) };
  if (what === 'findings') return { headers: FINDING_HEADERS, rows: findingRows(db, filter) };
  return { headers: ACTION_HEADERS, rows: actionRows(db, filter, asOf) };
}
