// Gathers one audit's canonical document from the laptop database: the
// records as they are now, and the events not yet carried by an
// acknowledged bundle (all of them for a full bundle).
import type { Core } from '../core';
import { auditDetail } from '../store/repos/audits';
import { loadTemplate } from '../store/repos/templates';
import { GENESIS, listEvents } from '../store/events';
import { eventToBundle, type AuditDoc } from './content';

type Row = Record<string, unknown>;

export interface SentState {
  headHash: string;
  eventCount: number;
}

export function photosOf(core: Core, auditId: string): AuditDoc['photos'] {
  const rows = core.db.prepare('SELECT * FROM photos WHERE audit_id = ? ORDER BY id').all(auditId) as Row[];
  return rows.map((r) => ({
    id: r.id as string, sha256: r.sha256 as string, scope: r.scope as string, ref: r.ref as string,
    caption: r.caption as string, capturedAt: (r.captured_at ?? null) as string | null, createdAt: r.created_at as string,
  }));
}

/**
 * The document, or null when nothing changed since `sent`. A chain that no
 * longer starts with what was sent cannot be incremental, so it goes whole.
 */
export function collectAuditDoc(core: Core, auditId: string, sent: SentState | null): AuditDoc | null {
  const events = listEvents(core.db, auditId);
  let fromSeq = 1;
  let prevHash = GENESIS;
  if (sent && sent.eventCount > 0 && events[sent.eventCount - 1]?.hash === sent.headHash) {
    if (events.length === sent.eventCount) return null;
    fromSeq = sent.eventCount + 1;
    prevHash = sent.headHash;
  }
  const d = auditDetail(core, auditId);
  const t = loadTemplate(core, d.audit.templateId).info;
  return {
    kind: 'fairsite-audit',
    version: 1,
    audit: d.audit,
    site: d.site,
    template: { id: t.id, key: t.key, version: t.version, name: t.name, hash: t.hash },
    responses: d.responses,
    findings: d.findings,
    actions: d.actions,
    notes: d.notes,
    photos: photosOf(core, auditId),
    documents: [],
    interviews: [],
    reports: [],
    events: { fromSeq, prevHash, items: events.slice(fromSeq - 1).map(eventToBundle) },
  };
}
