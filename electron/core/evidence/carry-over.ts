// Reopening a finalized audit makes a new revision; its evidence comes
// along: photo records (the files are shared by hash, so nothing is
// copied on disk), documents reviewed and interviews, with links to
// findings and documents pointed at the new revision's rows. Call inside
// the transaction that creates the revision, after its findings exist.
import type { Core } from '../core';
import { uuidv7 } from '../../../shared/ids';

type Row = Record<string, unknown>;

export function carryEvidenceOver(core: Core, fromAuditId: string, toAuditId: string): { photos: number; documents: number; interviews: number } {
  const db = core.db;
  const docIds = new Map<string, string>();
  const docs = db.prepare('SELECT * FROM documents WHERE audit_id = ? ORDER BY created_at, id').all(fromAuditId) as Row[];
  const insertDoc = db.prepare(`INSERT INTO documents (id, audit_id, kind, title, notes, item_ids, created_at, updated_at)
    VALUES (@id, @audit_id, @kind, @title, @notes, @item_ids, @created_at, @updated_at)`);
  for (const d of docs) {
    const id = uuidv7();
    docIds.set(d.id as string, id);
    insertDoc.run({ ...d, id, audit_id: toAuditId });
  }
  const newFinding = db.prepare(`SELECT n.id FROM findings o JOIN findings n ON n.audit_id = ? AND n.item_id = o.item_id WHERE o.id = ?`);
  const photos = db.prepare('SELECT * FROM photos WHERE audit_id = ? ORDER BY created_at, id').all(fromAuditId) as Row[];
  const insertPhoto = db.prepare(`INSERT INTO photos (id, audit_id, sha256, scope, ref, caption, captured_at, created_at, finding_id, document_id,
    capture_source, original_name, annotated_sha256, annotation, updated_at)
    VALUES (@id, @audit_id, @sha256, @scope, @ref, @caption, @captured_at, @created_at, @finding_id, @document_id,
    @capture_source, @original_name, @annotated_sha256, @annotation, @updated_at)`);
  for (const p of photos) {
    const finding = p.finding_id ? (newFinding.get(toAuditId, p.finding_id) as { id: string } | undefined)?.id ?? null : null;
    const document = p.document_id ? docIds.get(p.document_id as string) ?? null : null;
    insertPhoto.run({ ...p, id: uuidv7(), audit_id: toAuditId, finding_id: finding, document_id: document });
  }
  const interviews = db.prepare('SELECT * FROM interviews WHERE audit_id = ? ORDER BY code').all(fromAuditId) as Row[];
  const insertInterview = db.prepare(`INSERT INTO interviews (id, audit_id, code, type, role, tenure_band, language, interviewer, consent, topics,
    findings_raised, notes, excerpts, created_at, updated_at) VALUES (@id, @audit_id, @code, @type, @role, @tenure_band, @language, @interviewer,
    @consent, @topics, @findings_raised, @notes, @excerpts, @created_at, @updated_at)`);
  for (const i of interviews) insertInterview.run({ ...i, id: uuidv7(), audit_id: toAuditId });
  return { photos: photos.length, documents: docs.length, interviews: interviews.length };
}
