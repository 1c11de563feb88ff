// Saving one answer (autosave): the answer, its event, the audit's move
// from draft to in progress, and the finding it raises or clears, all in
// one synchronous transaction.
import { stmt } from '../stmt';
import type { Core } from '../../core';
import type { Db } from '../db';
import type { Audit } from '../../../../shared/domain/audit';
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
import { fieldText, refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';

function checkFits(item: TemplateItem, value: ResponseInput['value']): void {
  if (!value) return;
  if (value.kind !== item.kind) {
    throw new AppError('invalid_input', `This item takes a ${item.kind} answer, not ${value.kind}.`, [{ path: 'value.kind', message: `must be "${item.kind}" for this item` }]);
  }
  if (value.kind === 'choice' && item.kind === 'choice') {
    const allowed = new Set(item.options.map((o) => o.value));
    const bad = value.selected.findIndex((v) => !allowed.has(v));
    if (bad >= 0) throw refusal('invalid_input', msg('response.notOption', { value: value.selected[bad]! }), [fieldText(`value.selected[${bad}]`, msg('problem.notOption'))]);
    if (!item.multiple && value.selected.length > 1) throw refusal('invalid_input', msg('response.oneOption'), [fieldText('value.selected', msg('problem.oneOption'))]);
  }
}

// What an answer's event records as old and new: the answer itself. Its id,
// audit, author and time are the event's own columns, so they are not
// repeated inside it. The value is already canonical JSON (as stored, or
// about to be), so it goes in as it is rather than parsed and written again.
const answerJson = (itemId: string, a: StoredAnswer): JsonText =>
  new JsonText(`{"itemId":${quote(itemId)},"value":${a.value ?? 'null'},"note":${quote(a.note)},"severity":${a.severity === null ? 'null' : quote(a.severity)},"zeroTolerance":${a.zeroTolerance}}`);

const NO_SITE: WageSite = { currency: '', legal: EMPTY_LEGAL_PROFILE };

/** An answer as its row holds it: the value as canonical JSON text. */
interface StoredAnswer { value: string | null; note: string; severity: Response['severity']; zeroTolerance: boolean }

// The save path reads three small things by key: the audit (its state and the
// head of its event chain, kept in its row by migration 011's trigger), the
// current answer, and whether the item has a finding. Three statements rather
// than one join: on SQLite 3.54 the join ran about ten times slower at the same plan.
interface AuditRow { status: Audit['status']; templateId: string; headSeq: number; headHash: string | null }
interface AnswerRow { rowid: number; id: string; value: string | null; note: string; severity: Response['severity']; zeroTolerance: number }

const readAudit = (db: Db, auditId: string) =>
  stmt(db, 'SELECT status, template_id AS templateId, head_seq AS headSeq, head_hash AS headHash FROM audits WHERE id = ?').get(auditId) as AuditRow | undefined;
const readAnswer = (db: Db, auditId: string, itemId: string) =>
  stmt(db, 'SELECT rowid, id, value, note, severity, zero_tolerance AS zeroTolerance FROM responses WHERE audit_id = ? AND item_id = ?').get(auditId, itemId) as AnswerRow | undefined;
const hasFinding = (db: Db, auditId: string, itemId: string) =>
  stmt(db, 'SELECT 1 FROM findings WHERE audit_id = ? AND item_id = ?').get(auditId, itemId) !== undefined;
const auditSite = (db: Db, auditId: string) => (stmt(db, 'SELECT site_id FROM audits WHERE id = ?').get(auditId) as { site_id: string }).site_id;

const INSERT = `INSERT INTO responses (id, audit_id, item_id, value, note, severity, zero_tolerance, updated_at, updated_by)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const UPDATE = `UPDATE responses SET value = ?, note = ?, severity = ?, zero_tolerance = ?, updated_at = ?, updated_by = ?
  WHERE rowid = ?`;

// Stored values are canonical JSON, so comparing texts compares values.
const sameAnswer = (a: StoredAnswer, b: StoredAnswer) =>
  a.value === b.value && a.note === b.note && a.severity === b.severity && a.zeroTolerance === b.zeroTolerance;

function save(core: Core, raw: ResponseInput): { response: Response; finding: Finding | null } {
  const db = core.db;
  const audit = readAudit(db, raw.auditId);
  if (!audit) throw refusal('not_found', msg('audit.missing'));
  if (audit.status === 'finalized') throw AUDIT_LOCKED();
  const entry = loadTemplate(core, audit.templateId).items.get(raw.itemId);
  if (!entry) throw refusal('invalid_input', msg('response.notItem'), [{ path: 'itemId', message: 'not an item of this audit\'s template' }]);
  checkFits(entry.item, raw.value);
  const item = entry.item;

  // The site matters only to wage and hours checks (its legal profile); the
  // wage items' overtime cross-check also reads the hours sample.
  const sampled = item.kind === 'wage' || item.kind === 'hours';
  const site = sampled ? getSite(db, auditSite(db, raw.auditId)) : NO_SITE;
  const context = item.kind === 'wage' ? { hours: hoursSample(db, raw.auditId) } : {};
  const findingOf = (r: ResponseInput | Response) => itemFinding(item, withDefaultSeverity(item, r), site, context);
  // Most answers raise no finding: when the item has none, syncFinding need not look it up again.
  const oldFinding = hasFinding(db, raw.auditId, raw.itemId) ? undefined : null;

  // The zero-tolerance flag belongs to a finding: an answer that raises none cannot carry it.
  const input = raw.zeroTolerance && !findingOf(raw) ? { ...raw, zeroTolerance: false } : raw;
  const next: StoredAnswer = { value: input.value === null ? null : canonicalJson(input.value), note: input.note, severity: input.severity, zeroTolerance: input.zeroTolerance };
  const row = readAnswer(db, input.auditId, input.itemId);
  const before: StoredAnswer | null = row ? { value: row.value, note: row.note, severity: row.severity, zeroTolerance: row.zeroTolerance === 1 } : null;

  // An unchanged answer writes nothing and records no event; its finding is still brought up to date.
  if (row && before && sameAnswer(before, next)) {
    const unchanged = responseFromRow(stmt(db, 'SELECT * FROM responses WHERE rowid = ?').get(row.rowid) as Record<string, unknown>);
    return { response: unchanged, finding: syncFinding(core, unchanged, entry.section.id, findingOf(unchanged), oldFinding, item.zeroTolerance) };
  }
  const response: Response = {
    id: row?.id ?? uuidv7(), auditId: input.auditId, itemId: input.itemId, value: input.value, note: input.note,
    severity: input.severity, zeroTolerance: input.zeroTolerance, updatedAt: nowIso(), updatedBy: core.actor,
  };
  const zt = response.zeroTolerance ? 1 : 0;
  if (row) stmt(db, UPDATE).run(next.value, response.note, response.severity, zt, response.updatedAt, response.updatedBy, row.rowid);
  else stmt(db, INSERT).run(response.id, response.auditId, response.itemId, next.value, response.note, response.severity, zt, response.updatedAt, response.updatedBy);
  // The chain head read above is still the head: this transaction holds the write lock.
  const head = audit.headSeq > 0 ? { seq: audit.headSeq, hash: audit.headHash! } : null;
  record(core, input.auditId, 'response', response.id, before ? 'update' : 'create',
    before && answerJson(input.itemId, before), answerJson(input.itemId, next), { head, at: response.updatedAt });
  if (audit.status === 'draft') setStatus(core, input.auditId, 'draft', 'in_progress');
  const finding = syncFinding(core, response, entry.section.id, findingOf(response), oldFinding, item.zeroTolerance);
  // The wage items' overtime cross-check reads the hours sample: their findings follow it.
  if (item.kind === 'hours') recheckWageItems(core, input.auditId, audit.templateId, site);
  return { response, finding };
}

// IMMEDIATE, as every write: the write lock is taken first, so a second
// process (the command line beside the app) waits its turn instead of failing.
export function saveResponse(core: Core, input: ResponseInput): { response: Response; finding: Finding | null } {
  return core.db.transaction(save).immediate(core, input);
}
