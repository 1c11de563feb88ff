// Export: a full bundle, or one incremental to the last bundle headquarters
// acknowledged, holding only audits that changed and photos not yet sent.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Core } from '../core';
import { uuidv7 } from '../../../shared/ids';
import { loadSigningKey } from '../keys/signing-key';
import { getProfile } from '../store/repos/profile';
import { canonicalJson } from '../../../shared/canonical-json';
import { chainHeads, changedSince, collectAuditDoc, unchangedSince, type SentState, signedReportFile } from './collect';
import { headOf, photoFilesOf } from './content';
import { stmt } from '../store/stmt';
import { originalPath } from '../evidence/layout';
import { auditPath, closurePath, photoPath, reportPath } from './entry-names';
import type { ManifestAudit, ManifestActionChain } from './manifest';
import { fingerprintOf } from './signature';
import { writeBundle, type BundleSource, type WrittenBundle } from './zip-writer';
import { recordBundle, lastAcked, sentStates, sentFiles, nextSequence, sentActionStates } from '../sync/outbox-store';
import { withUnsentEvidence } from './evidence-files';
import { actionCountOf, actionHeadOf, actionsChangedSince, actionsPath, closureFilesSince, collectActionDoc, evidenceFilesOf, type ActionSentState } from './action-docs';
import { closureDir } from '../followup/tracks';
import { hqRecipient } from '../sync/settings';
import { refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

export interface ExportOptions {
  /** Audits to include; empty or absent = all audits. */
  auditIds?: string[];
  out?: string;
  /** Ignore what HQ acknowledged and send everything. */
  full?: boolean;
  /** Overrides the configured HQ key; null = do not encrypt. */
  recipient?: string | null;
  onProgress?: (done: number, total: number) => void;
}

export interface ExportResult extends WrittenBundle {
  bundleId: string;
  baseBundleId: string | null;
  audits: number;
  /** Action events recorded after finalize that the bundle carries, and for how many audits. */
  actionUpdates: number;
  actionAudits: number;
  photos: number;
  /** Closure evidence files carried (those HQ was not sent yet). */
  closureFiles: number;
}

/** The original in the photo store (its extension is kept with its row). */
export function photoFile(core: Core, sha256: string): string | null {
  // One statement for every photo: a statement prepared per call holds native memory until the next GC, which a bundle of 20,000 photos outran.
  const r = stmt(core.db, 'SELECT ext FROM photo_files WHERE sha256 = ?').get(sha256) as { ext: string } | undefined;
  return r ? originalPath(core.paths.photos, sha256, r.ext) : null;
}

export async function exportBundle(core: Core, opts: ExportOptions = {}): Promise<ExportResult> {
  const profile = getProfile(core.db);
  if (!profile) throw refusal('not_ready', msg('profile.firstForBundle'));
  const key = loadSigningKey(core);
  const all = (stmt(core.db, 'SELECT id FROM audits ORDER BY created_at, id').all() as Array<{ id: string }>).map((r) => r.id);
  // Audits asked for by id are checked against the one list (a lookup per audit cost a thousand statements a bundle).
  const known = opts.auditIds?.length ? new Set(all) : null;
  const ids = opts.auditIds?.length ? opts.auditIds : all;
  for (const id of known ? ids : []) {
    if (!known!.has(id)) throw refusal('not_found', msg('bundleOut.noAudit', { id }));
  }
  const base = opts.full ? null : lastAcked(core.db);
  // Only audits whose chain moved past what HQ acknowledged are read: two
  // passes over small tables tell which, however many audits there are.
  const sentAll = base ? sentStates(core.db) : null;
  const heads = base ? chainHeads(core) : null;
  // What goes in is planned first from small reads (which audits, which
  // files); each audit's document is made only when the zip writer reaches
  // it and dropped once written, so memory does not grow with the number
  // of audits (a full bundle of a thousand audits held them all at once).
  const planned: PlannedAudit[] = [];
  for (const id of ids) {
    const sent: SentState | null = sentAll?.get(id) ?? null;
    if (unchangedSince(heads?.get(id), sent) || !changedSince(core, id, sent)) continue;
    planned.push(planAudit(core, id, sent));
  }
  // Action chains (corrective actions after finalize) travel on their own: a finalized audit's chain no longer moves, its actions' do.
  const sentActions = base ? withUnsentEvidence(core, sentActionStates(core.db)) : null;
  const plannedActions = ids.filter((id) => actionsChangedSince(core, id, sentActions?.get(id) ?? null));
  if (!planned.length && !plannedActions.length) throw refusal('not_ready', msg('bundleOut.nothing'));
  // Closure evidence files the carried part of each action chain names (those of events HQ acknowledged went with them).
  const closureCandidates = plannedActions.flatMap((id) => closureFilesSince(core, id, sentActions?.get(id) ?? null));
  const alreadySent = base ? sentFiles(core.db, [...planned.flatMap((a) => [...a.photos, ...(a.report ? [a.report.sha256] : [])]), ...closureCandidates]) : new Set<string>();

  const sources: BundleSource[] = [];
  const audits: ManifestAudit[] = [];
  const photos = new Set<string>();
  const reports = new Map<string, string>();
  for (const a of planned) {
    for (const sha of a.photos) if (!alreadySent.has(sha)) photos.add(sha);
    if (a.report && !alreadySent.has(a.report.sha256)) reports.set(a.report.sha256, a.report.file);
  }
  // Evidence with the bytes of a photo this bundle also carries goes under both names: HQ checks an evidence record's file before it stores the photo.
  const closure = new Set(closureCandidates.filter((sha) => !alreadySent.has(sha)));
  const carried = (sha: string): boolean => photos.has(sha) || reports.has(sha) || closure.has(sha) || alreadySent.has(sha);
  planned.forEach((a, i) => {
    sources.push({ path: auditPath(a.id), make: () => auditDocBytes(core, a, carried, (m) => (audits[i] = m)) });
  });
  for (const sha of [...photos].sort()) {
    const file = photoFile(core, sha);
    if (!file || !existsSync(file)) throw refusal('storage', msg('bundleOut.photoMissing', { photo: sha.slice(0, 12) }));
    sources.push({ path: photoPath(sha), file, expectSha256: sha });
  }
  for (const [sha, file] of reports) sources.push({ path: reportPath(sha), file, expectSha256: sha });
  for (const sha of [...closure].sort()) {
    const file = join(closureDir(core), sha);
    if (!existsSync(file)) throw refusal('storage', msg('bundleOut.closureMissing', { file: sha.slice(0, 12), folder: closureDir(core) }));
    sources.push({ path: closurePath(sha), file, expectSha256: sha });
  }
  const actionChains: ManifestActionChain[] = [];
  for (const id of plannedActions) {
    sources.push({ path: actionsPath(id), make: () => actionDocBytes(core, id, sentActions?.get(id) ?? null, carried, (m) => actionChains.push(m)) });
  }

  const bundleId = uuidv7();
  const createdAt = new Date().toISOString();
  mkdirSync(core.paths.bundles, { recursive: true, mode: 0o700 });
  const out = resolve(opts.out ?? join(core.paths.bundles, `${bundleId}.fsb`));
  const recipient = opts.recipient === undefined ? hqRecipient(core) : opts.recipient;
  const sequence = nextSequence(core.db);
  const written = await writeBundle({
    out,
    signingKey: key.privateKey,
    recipient,
    onProgress: opts.onProgress,
    sources,
    head: {
      bundleId, createdAt, sequence, baseBundleId: base?.bundleId ?? null, audits,
      // The key only when there is something: a bundle without action events reads as before.
      ...(plannedActions.length ? { actionChains } : {}),
      auditor: {
        id: profile.auditorId, name: profile.name,
        publicKey: key.publicKeyRaw.toString('base64'), fingerprint: fingerprintOf(key.publicKeyRaw),
      },
    },
  });
  recordBundle(core.db, written, { bundleId, sequence, createdAt, baseBundleId: base?.bundleId ?? null, photos: [...new Set([...photos, ...reports.keys(), ...closure])] });
  const actionUpdates = actionChains.reduce((sum, c) => sum + c.eventCount - c.fromSeq + 1, 0);
  return {
    ...written, bundleId, baseBundleId: base?.bundleId ?? null, audits: audits.length, actionUpdates, actionAudits: actionChains.length, photos: photos.size,
    closureFiles: closure.size,
  };
}

interface PlannedAudit {
  id: string;
  sent: SentState | null;
  photos: string[];
  report: { file: string; sha256: string } | null;
}

/** Which files an audit's document will name, read without making the document. */
function planAudit(core: Core, id: string, sent: SentState | null): PlannedAudit {
  const a = stmt(core.db, 'SELECT status, revision FROM audits WHERE id = ?').get(id) as { status: string; revision: number };
  const report = signedReportFile(core, { audit: { id, status: a.status, revision: a.revision } });
  const photos = stmt(core.db, 'SELECT sha256, annotated_sha256 AS annotatedSha256 FROM photos WHERE audit_id = ?').all(id) as Array<{ sha256: string; annotatedSha256: string | null }>;
  return { id, sent, photos: photoFilesOf({ photos }), report: report && { file: report.file, sha256: report.sha256 } };
}

/**
 * One audit's canonical JSON, made when the zip writer reaches it. Its
 * summary goes to the manifest (written last). The audit may have changed
 * since it was planned (the auditor keeps working while a bundle is made):
 * a document naming a file the bundle does not carry would be refused at
 * HQ, so the bundle is not made and the auditor is asked to make it again.
 */
function auditDocBytes(core: Core, a: PlannedAudit, carried: (sha: string) => boolean, summary: (m: ManifestAudit) => void): Buffer {
  const doc = collectAuditDoc(core, a.id, a.sent);
  const files = doc ? [...photoFilesOf(doc), ...doc.reports.map((r) => r.sha256)] : [];
  if (!doc || files.some((sha) => !carried(sha))) {
    throw refusal('conflict', msg('bundleOut.changed', { id: a.id }));
  }
  const path = auditPath(doc.audit.id);
  summary({
    id: doc.audit.id, revision: doc.audit.revision, previousId: doc.audit.previousId, status: doc.audit.status,
    headHash: headOf(doc), eventCount: doc.events.fromSeq - 1 + doc.events.items.length, fromSeq: doc.events.fromSeq, path,
  });
  return Buffer.from(canonicalJson(doc), 'utf8');
}

/** One audit's action chain from where HQ's acknowledged state ends, made when the zip writer reaches it. */
function actionDocBytes(core: Core, auditId: string, sent: ActionSentState | null, carried: (sha: string) => boolean, summary: (m: ManifestActionChain) => void): Buffer {
  const doc = collectActionDoc(core, auditId, sent);
  // Evidence added since the files were planned names a file the bundle does not carry: HQ would refuse it.
  if (!doc || evidenceFilesOf(doc).some((f) => !carried(f.sha256))) throw refusal('conflict', msg('bundleOut.chainChanged', { auditId }));
  summary({ auditId, headHash: actionHeadOf(doc), eventCount: actionCountOf(doc), fromSeq: doc.fromSeq, path: actionsPath(auditId) });
  return Buffer.from(canonicalJson(doc), 'utf8');
}
