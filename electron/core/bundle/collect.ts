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
import { defaultReportName } from '../report/export';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from './hashing';

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
    events: { fromSeq, prevHash, items: events.map(eventToBundle) },
  };
}

function reportRefs(core: Core, d: Parameters<typeof signedReportFile>[1]): AuditDoc['reports'] {
  const file = signedReportFile(core, d);
  if (!file) return [];
  const bytes = readFileSync(file);
  return [{ sha256: sha256Hex(bytes), size: bytes.length, name: file.split(/[\\/]/).pop()! }];
}
