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
import { defaultReportName } from '../report/export';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from './hashing';
import { getAuditProfile, getCredentials, listAcknowledgements } from '../store/repos/audit-profile';

export interface SentState {
  headHash: string;
  eventCount: number;
}

/** The signed report of a finalized audit, where the report export leaves it. */
export function signedReportFile(core: Core, d: { audit: { status: string; endDate: string; revision: number }; site: { name: string } }): string | null {
  if (d.audit.status !== 'finalized') return null;
  const file = join(core.paths.reports, defaultReportName(d.site.name, d.audit.endDate, d.audit.revision, false));
  return existsSync(file) ? file : null;
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
    profile: ((p) => (p.updatedAt ? p : null))(getAuditProfile(core.db, auditId)),
    auditorCredentials: getCredentials(core.db),
    acknowledged: listAcknowledgements(core.db, auditId),
    events: { fromSeq, prevHash, items: events.slice(fromSeq - 1).map(eventToBundle) },
  };
}

function reportRefs(core: Core, d: Parameters<typeof signedReportFile>[1]): AuditDoc['reports'] {
  const file = signedReportFile(core, d);
  if (!file) return [];
  const bytes = readFileSync(file);
  return [{ sha256: sha256Hex(bytes), size: bytes.length, name: file.split(/[\\/]/).pop()! }];
}
