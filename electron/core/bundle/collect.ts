// Gathers one audit's canonical document from the laptop database: the
// records as they are now, and the events not yet carried by an
// acknowledged bundle (all of them for a full bundle).
import type { Core } from '../core';
import { auditDetail } from '../store/repos/audits';
import { loadTemplate } from '../store/repos/templates';
import { chainHead, eventAt, GENESIS, listEventsFrom } from '../store/events';
import { eventToBundle, type AuditDoc } from './content';
import { listPhotos } from '../evidence/photos';
import { listDocuments } from '../evidence/documents';
import { interviewsForExport } from '../evidence/interview-export';
import { signedReportOf } from '../report/report-files';
import { getAuditProfile, getCredentials, listAcknowledgements } from '../store/repos/audit-profile';

export interface SentState {
  headHash: string;
  eventCount: number;
}

/** The signed report of a finalized audit, found by its record (audit id and revision). */
export function signedReportFile(core: Core, d: { audit: { id: string; status: string; revision: number } }): { file: string; sha256: string; size: number; name: string } | null {
  if (d.audit.status !== 'finalized') return null;
  return signedReportOf(core.db, core.paths.reports, d.audit.id, d.audit.revision);
}

/** The last event of each audit's chain, as the audits table keeps it (trigger of migration 011). */
export function chainHeads(core: Core): Map<string, { seq: number; hash: string | null }> {
  const rows = core.db.prepare('SELECT id, head_seq, head_hash FROM audits').all() as Array<{ id: string; head_seq: number; head_hash: string | null }>;
  return new Map(rows.map((r) => [r.id, { seq: r.head_seq, hash: r.head_hash }]));
}

/** HQ has the chain whole: it acknowledged the very event that is the chain's last. */
export const unchangedSince = (head: { seq: number; hash: string | null } | undefined, sent: SentState | null): boolean =>
  !!head && !!sent && sent.eventCount > 0 && head.seq === sent.eventCount && head.hash === sent.headHash;

/**
 * Where an incremental document starts: null when HQ has the whole chain
 * already. Reads two index entries, so audits that did not change since
 * the base cost next to nothing. A chain that no longer starts with what
 * was sent cannot be incremental, so it goes whole.
 */
export function changedSince(core: Core, auditId: string, sent: SentState | null): { fromSeq: number; prevHash: string } | null {
  if (!sent || sent.eventCount < 1) return { fromSeq: 1, prevHash: GENESIS };
  if (eventAt(core.db, auditId, sent.eventCount)?.hash !== sent.headHash) return { fromSeq: 1, prevHash: GENESIS };
  if ((chainHead(core.db, auditId)?.seq ?? 0) === sent.eventCount) return null;
  return { fromSeq: sent.eventCount + 1, prevHash: sent.headHash };
}

/** The document, or null when nothing changed since `sent`. */
export function collectAuditDoc(core: Core, auditId: string, sent: SentState | null): AuditDoc | null {
  const start = changedSince(core, auditId, sent);
  if (!start) return null;
  const { fromSeq, prevHash } = start;
  const events = listEventsFrom(core.db, auditId, fromSeq);
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
    events: { fromSeq, prevHash, items: events.map(eventToBundle) },
  };
}

function reportRefs(core: Core, d: Parameters<typeof signedReportFile>[1]): AuditDoc['reports'] {
  const r = signedReportFile(core, d);
  // The recorded hash: a file changed since it was signed is refused by the bundle writer.
  return r ? [{ sha256: r.sha256, size: r.size, name: r.name }] : [];
}
