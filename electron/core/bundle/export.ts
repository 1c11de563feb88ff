// Export: a full bundle, or one incremental to the last bundle headquarters
// acknowledged, holding only audits that changed and photos not yet sent.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Core } from '../core';
import { AppError } from '../../../shared/errors';
import { uuidv7 } from '../../../shared/ids';
import { loadSigningKey } from '../keys/signing-key';
import { getProfile } from '../store/repos/profile';
import { canonicalJson } from '../../../shared/canonical-json';
import { chainHeads, collectAuditDoc, unchangedSince, type SentState } from './collect';
import { headOf, photoFilesOf, type AuditDoc } from './content';
import { originalPath } from '../evidence/layout';
import { signedReportFile } from './collect';
import { auditPath, photoPath, reportPath } from './entry-names';
import type { ManifestAudit } from './manifest';
import { fingerprintOf } from './signature';
import { writeBundle, type BundleSource, type WrittenBundle } from './zip-writer';
import { recordBundle, lastAcked, sentStates, sentFiles, nextSequence } from '../sync/outbox-store';
import { hqRecipient } from '../sync/settings';

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
  photos: number;
}

/** The original in the photo store (its extension is kept with its row). */
export function photoFile(core: Core, sha256: string): string | null {
  const r = core.db.prepare('SELECT ext FROM photo_files WHERE sha256 = ?').get(sha256) as { ext: string } | undefined;
  return r ? originalPath(core.paths.photos, sha256, r.ext) : null;
}

export async function exportBundle(core: Core, opts: ExportOptions = {}): Promise<ExportResult> {
  const profile = getProfile(core.db);
  if (!profile) throw new AppError('not_ready', 'Save your profile first: bundles are signed with the key it creates.');
  const key = loadSigningKey(core);
  const ids = opts.auditIds?.length
    ? opts.auditIds
    : (core.db.prepare('SELECT id FROM audits ORDER BY created_at, id').all() as Array<{ id: string }>).map((r) => r.id);
  for (const id of ids) {
    if (!core.db.prepare('SELECT 1 FROM audits WHERE id = ?').get(id)) throw new AppError('not_found', `There is no audit ${id}.`);
  }
  const base = opts.full ? null : lastAcked(core.db);
  // Only audits whose chain moved past what HQ acknowledged are read: two
  // passes over small tables tell which, however many audits there are.
  const sentAll = base ? sentStates(core.db) : null;
  const heads = base ? chainHeads(core) : null;
  const docs: AuditDoc[] = [];
  for (const id of ids) {
    const sent: SentState | null = sentAll?.get(id) ?? null;
    if (unchangedSince(heads?.get(id), sent)) continue;
    const doc = collectAuditDoc(core, id, sent);
    if (doc) docs.push(doc);
  }
  if (!docs.length) throw new AppError('not_ready', 'Nothing changed since the last bundle headquarters acknowledged; there is nothing to send.');
  const alreadySent = base ? sentFiles(core.db, docs.flatMap((d) => [...photoFilesOf(d), ...d.reports.map((r) => r.sha256)])) : new Set<string>();

  const sources: BundleSource[] = [];
  const audits: ManifestAudit[] = [];
  const photos = new Set<string>();
  const reports = new Map<string, string>();
  for (const doc of docs) {
    const path = auditPath(doc.audit.id);
    sources.push({ path, data: Buffer.from(canonicalJson(doc), 'utf8') });
    audits.push({
      id: doc.audit.id, revision: doc.audit.revision, previousId: doc.audit.previousId, status: doc.audit.status,
      headHash: headOf(doc), eventCount: doc.events.fromSeq - 1 + doc.events.items.length, fromSeq: doc.events.fromSeq, path,
    });
    for (const sha of photoFilesOf(doc)) if (!alreadySent.has(sha)) photos.add(sha);
    const pdf = signedReportFile(core, doc);
    for (const r of doc.reports) if (pdf && !alreadySent.has(r.sha256)) reports.set(r.sha256, pdf.file);
  }
  for (const sha of [...photos].sort()) {
    const file = photoFile(core, sha);
    if (!file || !existsSync(file)) throw new AppError('storage', `The original of photo ${sha.slice(0, 12)}… is missing from the photo store; the bundle was not made.`);
    sources.push({ path: photoPath(sha), file, expectSha256: sha });
  }
  for (const [sha, file] of reports) sources.push({ path: reportPath(sha), file, expectSha256: sha });

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
      auditor: {
        id: profile.auditorId, name: profile.name,
        publicKey: key.publicKeyRaw.toString('base64'), fingerprint: fingerprintOf(key.publicKeyRaw),
      },
    },
  });
  recordBundle(core.db, written, { bundleId, sequence, createdAt, baseBundleId: base?.bundleId ?? null, photos: [...photos, ...reports.keys()] });
  return { ...written, bundleId, baseBundleId: base?.bundleId ?? null, audits: audits.length, photos: photos.size };
}
