// Saving one answer (autosave): the answer, its event, the audit's move
// from draft to in progress, and the finding it raises or clears, all in
// one synchronous transaction.
import { stmt } from '../stmt';
import type Database from 'better-sqlite3';
import type { Core } from '../../core';
import type { Finding } from '../../../../shared/domain/finding';
import type { Response, ResponseInput } from '../../../../shared/domain/response';
import { itemFinding } from '../../../../shared/checks';
import { AppError } from '../../../../shared/errors';
import { uuidv7 } from '../../../../shared/ids';
import type { TemplateItem } from '../../../../shared/template/schema';
import { canonicalJson } from '../canonical';
import { AUDIT_LOCKED, setStatus } from './audits';
import { syncFinding } from './findings';
import { record } from './record';
import { nowIso, responseFromRow } from './rows';
import { getSite } from './sites';
import { loadTemplate } from './templates';

function checkFits(item: TemplateItem, value: ResponseInput['value']): void {
  if (!value) return;
  if (value.kind !== item.kind) {
    throw new AppError('invalid_input', `This item takes a ${item.kind} answer, not ${value.kind}.`, [{ path: 'value.kind', message: `must be "${item.kind}" for this item` }]);
  }
  if (value.kind === 'choice' && item.kind === 'choice') {
    const allowed = new Set(item.options.map((o) => o.value));
    const bad = value.selected.findIndex((v) => !allowed.has(v));
    if (bad >= 0) throw new AppError('invalid_input', `"${value.selected[bad]}" is not one of this item's options.`, [{ path: `value.selected[${bad}]`, message: 'not one of the options' }]);
    if (!item.multiple && value.selected.length > 1) throw new AppError('invalid_input', 'This item takes one option only.', [{ path: 'value.selected', message: 'choose one option' }]);
  }
}

const NO_SITE = { minWage: null, minWagePeriod: 'month', overtimeRate: 1, currency: '' } as const;

const same = (a: Response, b: ResponseInput) => a.note === b.note && a.severity === b.severity && a.zeroTolerance === b.zeroTolerance
  && (a.value === null ? b.value === null : b.value !== null && canonicalJson(a.value) === canonicalJson(b.value));

// One statement reads the audit's state and the current answer together, as
// an array: building a keyed row object costs more than the lookups.
const READ = `SELECT a.status, a.site_id, a.template_id,
    r.id, r.value, r.note, r.severity, r.zero_tolerance, r.updated_at, r.updated_by
  FROM audits a LEFT JOIN responses r ON r.audit_id = a.id AND r.item_id = ? WHERE a.id = ?`;
type AuditAndAnswer = [status: string, siteId: string, templateId: string,
  id: string | null, value: string | null, note: string, severity: string | null, zt: number, updatedAt: string, updatedBy: string];

function oldResponse(input: ResponseInput, r: AuditAndAnswer): Response | null {
  if (r[3] === null) return null;
  return responseFromRow({
    id: r[3], audit_id: input.auditId, item_id: input.itemId, value: r[4], note: r[5], severity: r[6], zero_tolerance: r[7], updated_at: r[8], updated_by: r[9],
  });
}

const UPSERT = `INSERT INTO responses (id, audit_id, item_id, value, note, severity, zero_tolerance, updated_at, updated_by)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (audit_id, item_id) DO UPDATE SET value = excluded.value, note = excluded.note, severity = excluded.severity,
    zero_tolerance = excluded.zero_tolerance, updated_at = excluded.updated_at, updated_by = excluded.updated_by`;

const rawReads = new WeakMap<Core['db'], Database.Statement>();
function readStmt(db: Core['db']): Database.Statement {
  let s = rawReads.get(db);
  if (!s) {
    s = db.prepare(READ).raw(true);
    rawReads.set(db, s);
  }
  return s;
}

function save(core: Core, input: ResponseInput): { response: Response; finding: Finding | null } {
  const db = core.db;
  const row = readStmt(db).get(input.itemId, input.auditId) as AuditAndAnswer | undefined;
  if (!row) throw new AppError('not_found', 'That audit does not exist.');
  const [status, siteId, templateId] = row;
  if (status === 'finalized') throw AUDIT_LOCKED();
  const entry = loadTemplate(core, templateId).items.get(input.itemId);
  if (!entry) throw new AppError('invalid_input', 'That item is not part of this audit\'s checklist.', [{ path: 'itemId', message: 'not an item of this audit\'s template' }]);
  checkFits(entry.item, input.value);

  const old = oldResponse(input, row);
  // The site matters only to wage checks (its legal minimum and overtime premium).
  const site = entry.item.kind === 'wage' ? getSite(db, siteId) : NO_SITE;
  if (old && same(old, input)) {
    return { response: old, finding: syncFinding(core, old, entry.section.id, itemFinding(entry.item, old, site)) };
  }
  const response: Response = {
    id: old?.id ?? uuidv7(), auditId: input.auditId, itemId: input.itemId, value: input.value, note: input.note,
    severity: input.severity, zeroTolerance: input.zeroTolerance, updatedAt: nowIso(), updatedBy: core.actor,
  };
  stmt(db, UPSERT).run(response.id, response.auditId, response.itemId, response.value === null ? null : canonicalJson(response.value),
    response.note, response.severity, response.zeroTolerance ? 1 : 0, response.updatedAt, response.updatedBy);
  record(core, input.auditId, 'response', response.id, old ? 'update' : 'create', old, response);
  if (status === 'draft') setStatus(core, input.auditId, 'draft', 'in_progress');
  const finding = syncFinding(core, response, entry.section.id, itemFinding(entry.item, response, site));
  return { response, finding };
}

// Made once per connection: building a transaction function costs more than this path can spare.
// IMMEDIATE (here and in every write): the write lock is taken first, so a second
// process (the command line beside the app) waits its turn instead of failing.
const transactions = new WeakMap<Core['db'], Database.Transaction<typeof save>>();

export function saveResponse(core: Core, input: ResponseInput): { response: Response; finding: Finding | null } {
  let tx = transactions.get(core.db);
  if (!tx) {
    tx = core.db.transaction(save);
    transactions.set(core.db, tx);
  }
  return tx.immediate(core, input);
}
