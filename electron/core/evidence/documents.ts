// Documents reviewed on site (payroll sample, time records, contracts…):
// what was looked at, notes, linked checklist items. Photos of a document
// attach to it through the photo's target.
import type { Core } from '../core';
import type { DocumentInput, ReviewedDocument } from '../../../shared/domain/evidence';
import { uuidv7 } from '../../../shared/ids';
import { editableAudit, getAudit, touchAudit } from '../store/repos/audits';
import { record } from '../store/repos/record';
import { nowIso } from '../store/clock';
import { loadTemplate } from '../store/repos/templates';
import { write } from '../store/write';
import { fieldText, refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

type Row = Record<string, unknown>;

const fromRow = (r: Row): ReviewedDocument => ({
  id: r.id as string, auditId: r.audit_id as string, kind: r.kind as ReviewedDocument['kind'], title: r.title as string,
  notes: r.notes as string, itemIds: JSON.parse(r.item_ids as string) as string[], createdAt: r.created_at as string, updatedAt: r.updated_at as string,
});

export function listDocuments(core: Core, auditId: string): ReviewedDocument[] {
  getAudit(core.db, auditId);
  return (core.db.prepare('SELECT * FROM documents WHERE audit_id = ? ORDER BY created_at, id').all(auditId) as Row[]).map(fromRow);
}

function getDocument(core: Core, id: string): ReviewedDocument | null {
  const r = core.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as Row | undefined;
  return r ? fromRow(r) : null;
}

export function saveDocument(core: Core, input: DocumentInput): ReviewedDocument {
  return write(core, () => {
    const audit = editableAudit(core.db, input.auditId);
    const items = loadTemplate(core, audit.templateId).items;
    const unknown = input.itemIds.findIndex((i) => !items.has(i));
    if (unknown >= 0) throw refusal('invalid_input', msg('evidence.noItem', { item: input.itemIds[unknown]! }), [fieldText(`itemIds[${unknown}]`, msg('problem.noItem'))]);
    const old = input.id ? getDocument(core, input.id) : null;
    if (input.id && !old) throw refusal('not_found', msg('document.gone'));
    if (old && old.auditId !== input.auditId) throw refusal('conflict', msg('document.otherAudit'));
    const now = nowIso();
    const doc: ReviewedDocument = { ...input, id: old?.id ?? uuidv7(), itemIds: [...new Set(input.itemIds)], createdAt: old?.createdAt ?? now, updatedAt: now };
    core.db.prepare(`INSERT INTO documents (id, audit_id, kind, title, notes, item_ids, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title, notes = excluded.notes, item_ids = excluded.item_ids, updated_at = excluded.updated_at`)
      .run(doc.id, doc.auditId, doc.kind, doc.title, doc.notes, JSON.stringify(doc.itemIds), doc.createdAt, doc.updatedAt);
    record(core, doc.auditId, 'document', doc.id, old ? 'update' : 'create', old, doc);
    touchAudit(core.db, doc.auditId);
    return doc;
  });
}

export function deleteDocument(core: Core, id: string): { deleted: boolean } {
  return write(core, () => {
    const old = getDocument(core, id);
    if (!old) throw refusal('not_found', msg('document.gone'));
    editableAudit(core.db, old.auditId);
    const photos = (core.db.prepare('SELECT count(*) AS n FROM photos WHERE document_id = ?').get(id) as { n: number }).n;
    if (photos) throw refusal('conflict', msg('document.hasPhotos', { count: photos }));
    core.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    record(core, old.auditId, 'document', id, 'delete', old, null);
    touchAudit(core.db, old.auditId);
    return { deleted: true };
  });
}
