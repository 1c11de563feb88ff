// HQ's table exports in the language the screen asks for (hq.export's
// `language`): column headers, the sheet's name and the values Fairsite
// itself writes (statuses, severities, where a finding came from, yes and
// no). What people wrote (names, notes, clauses) stays as written, figures
// stay numbers and dates ISO, so a sheet still sorts and sums. In English
// (the command line, and a screen in English) the values stay the codes
// exports have always carried; only Spanish and French say them in words.
import { coreCatalogue } from '../../said';
import type { UiLanguage } from '../../../../shared/domain/message';
import type { Cell, Table } from './export-rows';

type What = 'audits' | 'findings' | 'actions';

/** Each header as export-rows.ts writes it, by its key; the key's English is that header (a test keeps them in step). */
export const HEADER_KEYS: Readonly<Record<string, string>> = {
  'Audit ID': 'hqExport.col.auditId', Revision: 'hqExport.col.revision', Status: 'hqExport.col.status', Site: 'hqExport.col.site',
  Country: 'hqExport.col.country', Clients: 'hqExport.col.clients', Auditor: 'hqExport.col.auditor', 'Auditor ID': 'hqExport.col.auditorId',
  'Start date': 'hqExport.col.startDate', 'End date': 'hqExport.col.endDate', 'Finalized at': 'hqExport.col.finalizedAt', 'Score (%)': 'hqExport.col.score',
  Band: 'hqExport.col.band', Critical: 'hqExport.col.critical', Major: 'hqExport.col.major', Minor: 'hqExport.col.minor',
  'Zero tolerance': 'hqExport.col.zeroTolerance', 'Open actions': 'hqExport.col.openActions', 'Overdue actions': 'hqExport.col.overdueActions',
  'Conflicting versions': 'hqExport.col.conflict', Superseded: 'hqExport.col.superseded', Item: 'hqExport.col.item', Section: 'hqExport.col.section',
  Clause: 'hqExport.col.clause', Requirement: 'hqExport.col.requirement', Severity: 'hqExport.col.severity', Source: 'hqExport.col.source',
  Summary: 'hqExport.col.summary', Note: 'hqExport.col.note', Open: 'hqExport.col.open', 'Corrective action': 'hqExport.col.action',
  Owner: 'hqExport.col.owner', 'Due date': 'hqExport.col.dueDate', Overdue: 'hqExport.col.overdue', Verification: 'hqExport.col.verification',
  'Root cause': 'hqExport.col.rootCause', 'Preventive action': 'hqExport.col.preventiveAction', Timescale: 'hqExport.col.timescale',
  'Verification method': 'hqExport.col.verificationMethod', 'Site acceptance': 'hqExport.col.siteAcceptance',
};

/** Columns holding Fairsite's own codes, by header: the key prefix that names each code (`<prefix>.<code>`). */
const CODE_COLUMNS: Readonly<Record<string, string>> = {
  Severity: 'hqExport.severity', Source: 'hqExport.source', Timescale: 'hqExport.timescale',
  'Verification method': 'hqExport.method', 'Site acceptance': 'hqExport.acceptance',
};

/** The table with its headers, its sheet name and (but in English) its coded values in `language`. */
export function labelledTable(t: Table, what: What, language: UiLanguage): { table: Table; sheet: string } {
  const cat = coreCatalogue(language);
  const headers = t.headers.map((h) => cat[HEADER_KEYS[h] ?? ''] ?? h);
  const sheet = cat[`hqExport.sheet.${what}`] ?? what;
  if (language === 'en') return { table: { headers, rows: t.rows }, sheet };
  const status = what === 'audits' ? 'hqExport.auditStatus' : 'hqExport.actionStatus';
  const prefixes = t.headers.map((h) => (h === 'Status' ? status : CODE_COLUMNS[h]));
  const say = (c: Cell, i: number): Cell => {
    if (typeof c === 'boolean') return cat[c ? 'hqExport.yes' : 'hqExport.no']!;
    const prefix = prefixes[i];
    return prefix && typeof c === 'string' && c ? cat[`${prefix}.${c}`] ?? c : c;
  };
  function* rows(): Generator<Cell[]> {
    for (const row of t.rows) yield row.map(say);
  }
  return { table: { headers, rows: rows() }, sheet };
}
