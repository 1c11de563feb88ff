// Saving one answer (autosave): the answer, its event, the audit's move
// from draft to in progress, and the finding it raises or clears, all in
// one synchronous transaction.
import { stmt } from '../stmt';
import type Database from 'better-sqlite3';
import type { Core } from '../../core';
import type { Finding } from '../../../../shared/domain/finding';
import type { Response, ResponseInput } from '../../../../shared/domain/response';
import { itemFinding, type WageSite } from '../../../../shared/checks';
import { EMPTY_LEGAL_PROFILE } from '../../../../shared/domain/legal-profile';
import { withDefaultSeverity } from '../../../../shared/scoring';
import { hoursSample, recheckWageItems } from './cross-sample';
import { AppError } from '../../../../shared/errors';
import { uuidv7 } from '../../../../shared/ids';
import type { TemplateItem } from '../../../../shared/template/schema';
import { canonicalJson, quote } from '../../../../shared/canonical-json';
import { JsonText } from '../events';
import { AUDIT_LOCKED, setStatus } from './audits';
import { syncFinding } from './findings';
import { record } from './record';
import { responseFromRow } from './rows';
import { nowIso } from '../clock';
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

// What an answer's event records as old and new: the answer itself. Its id,
// audit, author and time are the event's own columns, so they are not
// repeated inside it (half the bytes to write and hash on every save). The
// text is put together from the value's canonical JSON, already at hand as
// stored or about to be stored, rather than parsed and written out again.
const answerJson = (itemId: string, value: string | null, note: string, severity: string | null, zeroTolerance: boolean): JsonText =>
  new JsonText(`{"itemId":${quote(itemId)},"value":${value ?? 'null'},"note":${quote(note)},"severity":${severity === null ? 'null' : quote(severity)},"zeroTolerance":${zeroTolerance}}`);

const NO_SITE: WageSite = { currency: '', legal: EMPTY_LEGAL_PROFILE };

// Three small statements read the audit's state with its chain head, the
// current answer (with its rowid, to update it in place) and whether the item
// has a finding, as arrays: keyed row objects cost more on this path than
// the lookups themselves. The rest of the old answer is read when needed.
// The head comes from the audit row, where the events trigger of migration
// 011 keeps it in the same transaction as every event. One statement joining
// the three, as this was before, runs at the same plan about ten times slower
// on SQLite 3.54 (better-sqlite3 13) than on 3.53: 19.9 µs against 1.8 µs,
// while the three apart take 1.0 + 1.5 + 1.0 µs (CPU per call, same store).
const READ_AUDIT = 'SELECT status, template_id, CASE WHEN head_seq > 0 THEN head_seq END, head_hash FROM audits WHERE id = ?';
const READ_ANSWER = 'SELECT rowid, id, value, note, severity, zero_tolerance FROM responses WHERE audit_id = ? AND item_id = ?';
const READ_FINDING = 'SELECT rowid FROM findings WHERE audit_id = ? AND item_id = ?';
type AnswerColumns = [rowid: number | null, id: string | null, value: string | null, note: string | null, severity: Response['severity'], zt: number | null];
type AuditAndAnswer = [status: string, templateId: string, ...AnswerColumns,
  findingRowid: number | null, headSeq: number | null, headHash: string | null];

// Stored values are canonical JSON, so comparing texts compares values.
const same = (r: AuditAndAnswer, b: ResponseInput, value: string | null) =>
  r[4] === value && r[5] === b.note && r[6] === b.severity && (r[7] === 1) === b.zeroTolerance;

const INSERT = `INSERT INTO responses (id, audit_id, item_id, value, note, severity, zero_tolerance, updated_at, updated_by)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const UPDATE = `UPDATE responses SET value = ?, note = ?, severity = ?, zero_tolerance = ?, updated_at = ?, updated_by = ?
  WHERE rowid = ?`;

const auditSite = (db: Core['db'], auditId: string) => (stmt(db, 'SELECT site_id FROM audits WHERE id = ?').get(auditId) as { site_id: string }).site_id;

interface Reads { audit: Database.Statement; answer: Database.Statement; finding: Database.Statement }
const rawReads = new WeakMap<Core['db'], Reads>();
function readStmts(db: Core['db']): Reads {
  let s = rawReads.get(db);
  if (!s) {
    s = { audit: db.prepare(READ_AUDIT).raw(true), answer: db.prepare(READ_ANSWER).raw(true), finding: db.prepare(READ_FINDING).pluck() };
    rawReads.set(db, s);
  }
  return s;
}

// What the join gave for an item not answered yet.
const NO_ANSWER: AnswerColumns = [null, null, null, null, null, null];

function readAuditAndAnswer(db: Core['db'], auditId: string, itemId: string): AuditAndAnswer | undefined {
  const r = readStmts(db);
  const audit = r.audit.get(auditId) as [string, string, number | null, string | null] | undefined;
  if (!audit) return undefined;
  const answer = (r.answer.get(auditId, itemId) as AnswerColumns | undefined) ?? NO_ANSWER;
  const finding = (r.finding.get(auditId, itemId) as number | undefined) ?? null;
  return [audit[0], audit[1], ...answer, finding, audit[2], audit[3]];
}

function save(core: Core, raw: ResponseInput): { response: Response; finding: Finding | null } {
  const db = core.db;
  const row = readAuditAndAnswer(db, raw.auditId, raw.itemId);
  if (!row) throw new AppError('not_found', 'That audit does not exist.');
  const [status, templateId, rowid, oldId] = row;
  if (status === 'finalized') throw AUDIT_LOCKED();
  const entry = loadTemplate(core, templateId).items.get(raw.itemId);
  if (!entry) throw new AppError('invalid_input', 'That item is not part of this audit\'s checklist.', [{ path: 'itemId', message: 'not an item of this audit\'s template' }]);
  checkFits(entry.item, raw.value);

  // No finding row: skip looking it up again (most answers are compliant).
  const oldFinding = row[8] === null ? null : undefined;
  // The site matters only to wage and hours checks (its legal profile); the
  // wage items' overtime cross-check also reads the hours sample.
  const sampled = entry.item.kind === 'wage' || entry.item.kind === 'hours';
  const site = sampled ? getSite(db, auditSite(db, raw.auditId)) : NO_SITE;
  const context = entry.item.kind === 'wage' ? { hours: hoursSample(db, raw.auditId) } : {};
  const item = entry.item;
  const findingOf = (r: ResponseInput | Response) => itemFinding(item, withDefaultSeverity(item, r), site, context);
  // The zero-tolerance flag belongs to a finding: an answer that raises none cannot carry it.
  const input = raw.zeroTolerance && !findingOf(raw) ? { ...raw, zeroTolerance: false } : raw;
  const value = input.value === null ? null : canonicalJson(input.value);
  if (rowid !== null && same(row, input, value)) {
    const unchanged = responseFromRow(stmt(db, 'SELECT * FROM responses WHERE rowid = ?').get(rowid) as Record<string, unknown>);
    return { response: unchanged, finding: syncFinding(core, unchanged, entry.section.id, findingOf(unchanged), oldFinding, item.zeroTolerance) };
  }
  const response: Response = {
    id: oldId ?? uuidv7(), auditId: input.auditId, itemId: input.itemId, value: input.value, note: input.note,
    severity: input.severity, zeroTolerance: input.zeroTolerance, updatedAt: nowIso(), updatedBy: core.actor,
  };
  const zt = response.zeroTolerance ? 1 : 0;
  if (rowid !== null) stmt(db, UPDATE).run(value, response.note, response.severity, zt, response.updatedAt, response.updatedBy, rowid);
  else stmt(db, INSERT).run(response.id, response.auditId, response.itemId, value, response.note, response.severity, zt, response.updatedAt, response.updatedBy);
  const head = row[9] === null ? null : { seq: row[9], hash: row[10]! };
  const before = rowid === null ? null : answerJson(input.itemId, row[4], row[5] ?? '', row[6], row[7] === 1);
  const after = answerJson(input.itemId, value, input.note, input.severity, input.zeroTolerance);
  record(core, input.auditId, 'response', response.id, before ? 'update' : 'create', before, after, { head, at: response.updatedAt });
  if (status === 'draft') setStatus(core, input.auditId, 'draft', 'in_progress');
  const finding = syncFinding(core, response, entry.section.id, findingOf(response), oldFinding, item.zeroTolerance);
  // The wage items' overtime cross-check reads the hours sample: their findings follow it.
  if (item.kind === 'hours') recheckWageItems(core, input.auditId, templateId, site);
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
