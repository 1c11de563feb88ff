// HQ import. Order, cheapest and least trusting first: a regular file within
// the size cap, its hash (already imported? then stop), room in staging,
// verification in a private staging folder (the signer's enrolment checked
// as soon as the signed manifest is read, before any entry is extracted),
// replay, the audits' owners, dependencies (else held), records against
// their event chains, report PDFs against the signer; all before the
// database is written; then one transaction. Held bundles are retried
// whenever another one lands. HQ's own disk filling up is a failure to
// store, never a verdict on the bundle.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../sha256';
import { digestFile, TooLarge } from '../bundle/seal';
import { BundleRejected, reject, type RejectCode } from '../bundle/rejection';
import { verifyBundle, type FileDigests, type VerifiedBundle } from '../bundle/verify';
import { withLimits, type BundleLimits } from '../bundle/limits';
import type { Hq } from './context';
import { enrolmentOf } from './enrol';
import { hqIdentities } from './keys';
import { applyBundle, missingDependency } from './merge';
import { checkOwners, claimAudits } from './owners';
import { checkRecords } from './records-check';
import { checkReports } from './report-check';
import { storeFiles } from './store-files';
import { projectAudit } from './read/project';
import { diskFullMessage, isDiskFull, newStaging, refuseNonRegular, roomFor } from './import-files';
import { write } from '../store/write';
import { applyCycle, checkCycle, type CyclePlan } from './actions-import';
import { optimizeAfterImport } from './read/facts';

/** failed: HQ could not store a bundle it did not judge (its own disk); import it again once fixed. */
export type ImportStatus = 'imported' | 'already_imported' | 'held' | 'rejected' | 'failed';

export interface ImportResult {
  file: string;
  status: ImportStatus;
  message: string;
  bundleId?: string;
  auditorId?: string;
  reason?: RejectCode | 'hq_disk_full';
  audits?: string[];
  /** Audits that now have two diverging versions, both kept. */
  conflicts?: string[];
  /** Held bundles this import made applicable, applied after it. */
  released?: ImportResult[];
}

export interface ImportOptions {
  limits?: Partial<BundleLimits>;
  onProgress?: (fraction: number, message: string) => void;
}

type Row = { bundle_id: string; state: string; held_reason: string | null; manifest_hash: string; held_file: string | null };

export async function importBundles(hq: Hq, files: string[], opts: ImportOptions = {}): Promise<ImportResult[]> {
  const out: ImportResult[] = [];
  for (const [i, f] of files.entries()) {
    opts.onProgress?.(i / files.length, `Importing ${i + 1} of ${files.length}`);
    out.push(await importBundleFile(hq, f, opts));
  }
  if (out.some((r) => r.status === 'imported')) optimizeAfterImport(hq.db);
  opts.onProgress?.(1, 'Done');
  return out;
}

export async function importBundleFile(hq: Hq, file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const result = await importOne(hq, file, opts, false);
  if (result.status === 'imported') {
    const released = await releaseHeld(hq, opts);
    if (released.length) result.released = released;
  }
  return result;
}

async function importOne(hq: Hq, file: string, opts: ImportOptions, fromHeld: boolean): Promise<ImportResult> {
  const cap = withLimits(opts.limits).maxBundleBytes;
  // Only a regular file is read, and never past the cap: a device or a FIFO would never end.
  const refused = await refuseNonRegular(file, cap);
  if (refused) return { file, status: 'rejected', ...refused };
  let digests;
  try {
    digests = await digestFile(file, cap);
  } catch (e) {
    if (e instanceof TooLarge) return { file, status: 'rejected', reason: 'too_large', message: `The bundle is more than ${cap} bytes, the largest accepted.` };
    return { file, status: 'rejected', reason: 'not_a_bundle', message: 'The file cannot be read.' };
  }
  const seen = hq.db.prepare('SELECT * FROM bundles WHERE content_hash = ?').get(digests.fileHash) as Row | undefined;
  if (seen?.state === 'imported') return { file, status: 'already_imported', bundleId: seen.bundle_id, message: `Bundle ${seen.bundle_id} was already imported; nothing changed.` };
  if (seen?.state === 'held' && !fromHeld) return { file, status: 'held', bundleId: seen.bundle_id, message: `Bundle ${seen.bundle_id} is already here, held: ${seen.held_reason ?? ''}.` };

  const full = await roomFor(hq, file);
  if (full) return { file, status: 'failed', reason: 'hq_disk_full', message: full };
  const staging = await newStaging(hq);
  try {
    return await verifyAndApply(hq, file, staging, digests, opts);
  } catch (e) {
    if (isDiskFull(e)) return { file, status: 'failed', reason: 'hq_disk_full', message: diskFullMessage(hq) };
    throw e;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function verifyAndApply(hq: Hq, file: string, staging: string, digests: FileDigests, opts: ImportOptions): Promise<ImportResult> {
  let v: VerifiedBundle;
  try {
    v = await verifyBundle(file, {
      staging, extract: true, identities: hqIdentities(hq), limits: opts.limits, digests,
      // The signer is checked as soon as the signed manifest is read, before any content is extracted.
      enrolment: (fp) => enrolmentOf(hq.db, fp), requireEnrolled: true,
    });
  } catch (e) {
    if (e instanceof BundleRejected) return { file, status: 'rejected', reason: e.reason, message: e.message };
    throw e;
  }
  const who = `${v.signer.name} (${v.signer.auditorId}), key ${v.signer.fingerprint.slice(0, 16)}…`;
  const base = { file, bundleId: v.manifest.bundleId, auditorId: v.signer.auditorId };
  const same = hq.db.prepare('SELECT * FROM bundles WHERE bundle_id = ?').get(v.manifest.bundleId) as Row | undefined;
  if (same && same.manifest_hash !== sha256Hex(v.manifestText)) {
    return { ...base, status: 'rejected', reason: 'replay', message: `Bundle ID ${v.manifest.bundleId} was already used by a different bundle; this one is a replay or a forgery and was refused.` };
  }
  if (same?.state === 'imported') return { ...base, status: 'already_imported', message: `Bundle ${v.manifest.bundleId} was already imported; nothing changed.` };

  let reports: Map<string, string>;
  let cycle: CyclePlan;
  try {
    checkOwners(hq.db, v);
    const waiting = missingDependency(hq.db, v);
    if (waiting) {
      if (same?.state === 'held') return { ...base, status: 'held', message: `Still held: ${waiting}.` };
      refuseBaseCycle(hq, v);
      hold(hq, file, v, waiting);
      return { ...base, status: 'held', message: `Held until its base arrives: ${waiting}.` };
    }
    for (const doc of v.audits) checkRecords(hq.db, doc);
    reports = checkReports(hq.db, v);
    cycle = checkCycle(hq.db, v);
  } catch (e) {
    if (e instanceof BundleRejected) return { ...base, status: 'rejected', reason: e.reason, message: e.message };
    throw e;
  }
  storeFiles(hq, v);
  const now = new Date().toISOString();
  const touched = write(hq, () => {
    claimAudits(hq.db, v, now);
    const applied = applyBundle(hq.db, v, v.manifestText, now, reports);
    // The read model changes with the data, in the same transaction.
    for (const id of applied) projectAudit(hq.db, id, now);
    applyCycle(hq.db, v, cycle);
    return applied;
  });
  if (same?.held_file) rmSync(same.held_file, { force: true });
  const conflicts = touched.filter((id) => (hq.db.prepare('SELECT conflict FROM audits WHERE audit_id = ?').get(id) as { conflict: number }).conflict === 1);
  const note = conflicts.length ? ` ${conflicts.length} audit(s) now have conflicting versions; both are kept and flagged.` : '';
  return { ...base, status: 'imported', audits: touched, conflicts, message: `Imported bundle ${v.manifest.bundleId} from ${who}: ${touched.length} audit(s).${note}` };
}

/** A held bundle whose base is (through other held bundles) itself would wait forever. */
function refuseBaseCycle(hq: Hq, v: VerifiedBundle): void {
  const baseOf = hq.db.prepare("SELECT base_bundle_id FROM bundles WHERE bundle_id = ? AND state = 'held'");
  const seen = new Set<string>();
  for (let b = v.manifest.baseBundleId; b && !seen.has(b); b = (baseOf.get(b) as { base_bundle_id: string | null } | undefined)?.base_bundle_id ?? null) {
    if (b === v.manifest.bundleId) reject('bad_manifest', `Bundle ${v.manifest.bundleId} is, through held bundles, its own base; it could never be applied.`);
    seen.add(b);
  }
}

function hold(hq: Hq, file: string, v: VerifiedBundle, reason: string): void {
  mkdirSync(hq.paths.held, { recursive: true });
  const dest = join(hq.paths.held, `${v.contentHash}.fsb`);
  try {
    copyFileSync(file, dest);
  } catch (e) {
    // A copy cut short by a full disk must not stay behind as a held bundle.
    rmSync(dest, { force: true });
    throw e;
  }
  const now = new Date().toISOString();
  hq.db.prepare(`INSERT INTO bundles (bundle_id, content_hash, manifest_hash, fingerprint, auditor_id, sequence, base_bundle_id, created_at, state, held_reason, held_file, received_at, manifest)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'held', ?, ?, ?, ?)`).run(v.manifest.bundleId, v.contentHash, sha256Hex(v.manifestText), v.signer.fingerprint,
    v.signer.auditorId, v.manifest.sequence, v.manifest.baseBundleId, v.manifest.createdAt, reason, dest, now, v.manifestText);
}

/** Applies held bundles whose dependencies are now met, until none is. */
async function releaseHeld(hq: Hq, opts: ImportOptions): Promise<ImportResult[]> {
  const released: ImportResult[] = [];
  for (let progress = true; progress; ) {
    progress = false;
    const held = hq.db.prepare("SELECT * FROM bundles WHERE state = 'held' ORDER BY sequence, bundle_id").all() as Row[];
    for (const h of held) {
      if (!h.held_file) continue;
      const r = await importOne(hq, h.held_file, opts, true);
      if (r.status === 'imported') {
        released.push(r);
        progress = true;
      }
    }
  }
  return released;
}

export interface HeldBundle {
  bundleId: string;
  auditorId: string;
  reason: string;
  receivedAt: string;
}

export function listHeld(hq: Hq): HeldBundle[] {
  return (hq.db.prepare("SELECT bundle_id, auditor_id, held_reason, received_at FROM bundles WHERE state = 'held' ORDER BY received_at").all() as Array<Record<string, string>>)
    .map((r) => ({ bundleId: r.bundle_id!, auditorId: r.auditor_id!, reason: r.held_reason ?? '', receivedAt: r.received_at! }));
}
