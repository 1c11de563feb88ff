// Photo rows (photos joined with photo_files) to domain objects, and where a
// target is kept: a finding's photo is stored against its item too, so it
// counts as evidence of that item; a document's photo against the audit.
import type { Core } from '../core';
import type { Photo, PhotoTarget, Shape } from '../../../shared/domain/evidence';
import type { Audit } from '../../../shared/domain/audit';
import { loadTemplate } from '../store/repos/templates';
import { fieldText, refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

type Row = Record<string, unknown>;

export interface StoredTarget {
  scope: 'audit' | 'section' | 'item';
  ref: string;
  findingId: string | null;
  documentId: string | null;
}

export const PHOTO_SELECT = `SELECT p.*, f.format, f.bytes, f.width, f.height, f.gps_lat, f.gps_lon, f.gps_alt
  FROM photos p JOIN photo_files f ON f.sha256 = p.sha256`;

export function targetFromRow(r: Row): PhotoTarget {
  if (r.document_id) return { kind: 'document', documentId: r.document_id as string };
  if (r.finding_id) return { kind: 'finding', findingId: r.finding_id as string };
  if (r.scope === 'section') return { kind: 'section', sectionId: r.ref as string };
  if (r.scope === 'item') return { kind: 'item', itemId: r.ref as string };
  return { kind: 'audit' };
}

export function photoFromRow(r: Row): Photo {
  return {
    id: r.id as string,
    auditId: r.audit_id as string,
    sha256: r.sha256 as string,
    target: targetFromRow(r),
    itemId: r.scope === 'item' ? (r.ref as string) : null,
    caption: r.caption as string,
    capturedAt: (r.captured_at ?? r.created_at) as string,
    captureSource: r.capture_source as Photo['captureSource'],
    originalName: r.original_name as string,
    format: r.format as string,
    bytes: r.bytes as number,
    width: r.width as number,
    height: r.height as number,
    gps: r.gps_lat == null || r.gps_lon == null ? null : { lat: r.gps_lat as number, lon: r.gps_lon as number, alt: (r.gps_alt ?? null) as number | null },
    annotatedSha256: (r.annotated_sha256 ?? null) as string | null,
    annotation: r.annotation == null ? null : (JSON.parse(r.annotation as string) as Shape[]),
    createdAt: r.created_at as string,
    updatedAt: (r.updated_at ?? r.created_at) as string,
  };
}

/** Checks that the target exists in this audit and says how it is stored. */
export function resolveTarget(core: Core, audit: Audit, t: PhotoTarget): StoredTarget {
  const none = { findingId: null, documentId: null };
  switch (t.kind) {
    case 'audit':
      return { scope: 'audit', ref: '', ...none };
    case 'section': {
      const known = loadTemplate(core, audit.templateId).template.sections.some((s) => s.id === t.sectionId);
      if (!known) throw refusal('not_found', msg('evidence.noSection', { section: t.sectionId }), [fieldText('target.sectionId', msg('problem.noSection'))]);
      return { scope: 'section', ref: t.sectionId, ...none };
    }
    case 'item':
      if (!loadTemplate(core, audit.templateId).items.has(t.itemId)) throw refusal('not_found', msg('evidence.noItem', { item: t.itemId }), [fieldText('target.itemId', msg('problem.noItem'))]);
      return { scope: 'item', ref: t.itemId, ...none };
    case 'finding': {
      const f = core.db.prepare('SELECT item_id FROM findings WHERE id = ? AND audit_id = ?').get(t.findingId, audit.id) as { item_id: string } | undefined;
      if (!f) throw refusal('not_found', msg('evidence.findingNotHere'), [fieldText('target.findingId', msg('problem.noFinding'))]);
      return { scope: 'item', ref: f.item_id, findingId: t.findingId, documentId: null };
    }
    case 'document': {
      const d = core.db.prepare('SELECT 1 FROM documents WHERE id = ? AND audit_id = ?').get(t.documentId, audit.id);
      if (!d) throw refusal('not_found', msg('evidence.documentNotHere'), [fieldText('target.documentId', msg('problem.noDocument'))]);
      return { scope: 'audit', ref: '', findingId: null, documentId: t.documentId };
    }
  }
}
