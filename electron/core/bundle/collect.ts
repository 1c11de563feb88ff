// Gathers one audit's canonical document from the laptop database: the
// records as they are now, and the events not yet carried by an
// acknowledged bundle (all of them for a full bundle).
import type { Core } from '../core';
import { auditDetail } from '../store/repos/audits';
import { loadTemplate } from '../store/repos/templates';
import { GENESIS, listEvents } from '../store/events';
import { eventToBundle, type AuditDoc } from './content';
import { listPhotos } from '../evidence/photos';
import { listDocuments } from '../evidence/documents';
import { interviewsForExport } from '../evidence/interview-export';
import { signedReportOf } from '../report/report-files';

export interface SentState {
  headHash: string;
  eventCount: number;
}

/** The signed report of a finalized audit, found by its record (audit id and revision). */
export function signedReportFile(core: Core, d: { audit: { id: string; status: string; revision: number } }): { file: string; sha256: string; size: number; name: string } | null {
  if (d.audit.status !== 'finalized') return null;
  return signedReportOf(core.db, core.paths.reports, d.audit.id, d.audit.revision);
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
    photos: listPhotos(core, auditId),
    documents: listDocuments(core, auditId),
    interviews: interviewsForExport(core, auditId),
    reports: reportRefs(core, d),
    events: { fromSeq, prevHash, items: events.slice(fromSeq - 1).map(eventToBundle) },
  };
}

function reportRefs(core: Core, d: Parameters<typeof signedReportFile>[1]): AuditDoc['reports'] {
  const r = signedReportFile(core, d);
  // The recorded hash: a file changed since it was signed is refused by the bundle writer.
  return r ? [{ sha256: r.sha256, size: r.size, name: r.name }] : [];
}
