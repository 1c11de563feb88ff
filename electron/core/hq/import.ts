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
import { BundleRejected, type RejectCode } from '../bundle/rejection';
import { verifyBundle, type FileDigests, type VerifiedBundle } from '../bundle/verify';
import { withLimits, type BundleLimits } from '../bundle/limits';
import type { HqFolder } from './context';
import { hqIdentities } from './keys';
import { storeFiles } from './store-files';
import { checkEvidenceFiles } from './closure-files';
import { diskFullMessage, isDiskFull, newStaging, refuseNonRegular, roomFor } from './import-files';
import type { Checked, HeldBundle } from './engine/types';
import { msg, type Message } from '../../../shared/messages';
import { refusedAs, said, waitingText } from './import-texts';

/** failed: HQ could not store a bundle it did not judge (its own disk); import it again once fixed. */
export type ImportStatus = 'imported' | 'already_imported' | 'held' | 'rejected' | 'failed';

export interface ImportResult {
  file: string;
  status: ImportStatus;
  /** In English (the command line, receipts); `text` is the same as a message, said in the UI's language. */
  message: string;
  text?: Message;
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
  onProgress?: (fraction: number, message: Message) => void;
}

export async function importBundles(hq: HqFolder, files: string[], opts: ImportOptions = {}): Promise<ImportResult[]> {
  const out: ImportResult[] = [];
  for (const [i, f] of files.entries()) {
    opts.onProgress?.(i / files.length, msg('progress.importing', { n: i + 1, total: files.length }));
    out.push(await importBundleFile(hq, f, opts));
  }
  if (out.some((r) => r.status === 'imported')) await hq.store.optimize();
  opts.onProgress?.(1, msg('progress.done'));
  return out;
}

export async function importBundleFile(hq: HqFolder, file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const result = await importOne(hq, file, opts, false);
  if (result.status === 'imported') {
    const released = await releaseHeld(hq, opts);
    if (released.length) result.released = released;
  }
  return result;
}

async function importOne(hq: HqFolder, file: string, opts: ImportOptions, fromHeld: boolean): Promise<ImportResult> {
  const cap = withLimits(opts.limits).maxBundleBytes;
  // Only a regular file is read, and never past the cap: a device or a FIFO would never end.
  const refused = await refuseNonRegular(file, cap);
  if (refused) return { file, status: 'rejected', ...refused };
  let digests;
  try {
    digests = await digestFile(file, cap);
  } catch (e) {
    if (e instanceof TooLarge) return { file, status: 'rejected', reason: 'too_large', ...said(msg('hqImport.tooLarge', { cap })) };
    return { file, status: 'rejected', reason: 'not_a_bundle', ...said(msg('hqImport.unreadable')) };
  }
  const seen = await hq.store.bundleByHash(digests.fileHash);
  if (seen?.state === 'imported') return { file, status: 'already_imported', bundleId: seen.bundle_id, ...said(msg('hqImport.already', { bundle: seen.bundle_id })) };
  if (seen?.state === 'held' && !fromHeld) return { file, status: 'held', bundleId: seen.bundle_id, ...said(msg('hqImport.alreadyHeld', { bundle: seen.bundle_id, reason: waitingText(seen.held_reason ?? '') })) };

  const full = await roomFor(hq, file);
  if (full) return { file, status: 'failed', reason: 'hq_disk_full', ...said(full) };
  const staging = await newStaging(hq);
  try {
    return await verifyAndApply(hq, file, staging, digests, opts);
  } catch (e) {
    if (isDiskFull(e)) return { file, status: 'failed', reason: 'hq_disk_full', ...said(diskFullMessage(hq)) };
    throw e;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function verifyAndApply(hq: HqFolder, file: string, staging: string, digests: FileDigests, opts: ImportOptions): Promise<ImportResult> {
  let v: VerifiedBundle;
  try {
    v = await verifyBundle(file, {
      staging, extract: true, identities: hqIdentities(hq), limits: opts.limits, digests,
      // The signer is checked as soon as the signed manifest is read, before any content is extracted.
      enrolment: await hq.store.enrolments(), requireEnrolled: true,
    });
  } catch (e) {
    if (e instanceof BundleRejected) return { file, status: 'rejected', ...rejected(e) };
    throw e;
  }
  const who = { name: v.signer.name, auditor: v.signer.auditorId, key: v.signer.fingerprint.slice(0, 16) };
  const base = { file, bundleId: v.manifest.bundleId, auditorId: v.signer.auditorId };
  const manifestHash = sha256Hex(v.manifestText);
  const same = await hq.store.bundleById(v.manifest.bundleId);
  if (same && same.manifest_hash !== manifestHash) {
    return { ...base, status: 'rejected', reason: 'replay', ...said(msg('hqImport.replay', { bundle: v.manifest.bundleId })) };
  }
  const already: ImportResult = { ...base, status: 'already_imported', ...said(msg('hqImport.already', { bundle: v.manifest.bundleId })) };
  if (same?.state === 'imported') return already;

  let checked: Checked;
  try {
    // Another importer sharing the database may bring the missing base meanwhile: holding then checks again.
    for (;;) {
      checked = await hq.store.check(v);
      if (!('waiting' in checked)) break;
      if (same?.state === 'held') return { ...base, status: 'held', ...said(msg('hqImport.stillHeld', { reason: waitingText(checked.waiting) })) };
      await refuseBaseCycle(hq, v);
      if (await hold(hq, file, v, manifestHash, checked.waiting)) return { ...base, status: 'held', ...said(msg('hqImport.held', { reason: waitingText(checked.waiting) })) };
    }
    // The evidence files its action chains name: carried (hashes checked) or already here; read from HQ's folder, so on either engine.
    checkEvidenceFiles(hq, v);
  } catch (e) {
    if (e instanceof BundleRejected) return { ...base, status: 'rejected', ...rejected(e) };
    throw e;
  }
  storeFiles(hq, v);
  let applied;
  try {
    applied = await hq.store.apply(v, checked, new Date().toISOString());
  } catch (e) {
    // Checked again inside the transaction (PostgreSQL): what another importer committed meanwhile may refuse it.
    if (e instanceof BundleRejected) return { ...base, status: 'rejected', ...rejected(e) };
    throw e;
  }
  if (!applied) return already;
  if (same?.held_file) rmSync(same.held_file, { force: true });
  // Another importer sharing the folder may have held it meanwhile: its copy is named by content.
  rmSync(join(hq.paths.held, `${v.contentHash}.fsb`), { force: true });
  const { audits: touched, conflicts } = applied;
  const params = { bundle: v.manifest.bundleId, ...who, carried: carried(v, touched.length) };
  const text = conflicts.length ? msg('hqImport.importedConflicts', { ...params, count: conflicts.length }) : msg('hqImport.imported', params);
  return { ...base, status: 'imported', audits: touched, conflicts, ...said(text) };
}

/** A refusal found while verifying: its code, the sentence for that code, the verifier's English detail as the message. */
function rejected(e: BundleRejected): Pick<ImportResult, 'reason' | 'message' | 'text'> {
  return { reason: e.reason, message: e.message, text: e.text ?? msg(`hqImport.refused.${e.reason}`) };
}

/** What the bundle carried: its audits and, when there are any, the action updates recorded after finalize. */
export function carried(v: Pick<VerifiedBundle, 'actionChains'>, audits: number): Message {
  const updates = v.actionChains.reduce((n, c) => n + c.items.length, 0);
  const actions = msg('hqImport.actionUpdates', { count: updates, audits: msg('hqImport.forAudits', { count: v.actionChains.length }) });
  if (!updates) return msg('hqImport.audits', { count: audits });
  return audits ? msg('hqImport.auditsAndActions', { audits: msg('hqImport.audits', { count: audits }), actions }) : actions;
}

/** A held bundle whose base is (through other held bundles) itself would wait forever. */
async function refuseBaseCycle(hq: HqFolder, v: VerifiedBundle): Promise<void> {
  const seen = new Set<string>();
  for (let b = v.manifest.baseBundleId; b && !seen.has(b); b = await hq.store.heldBaseOf(b)) {
    if (b === v.manifest.bundleId) throw refusedAs('bad_manifest', msg('hqImport.ownBase', { bundle: v.manifest.bundleId }));
    seen.add(b);
  }
}

/** False when the store found the dependency met after all: the copy is removed unless another importer holds the bundle. */
async function hold(hq: HqFolder, file: string, v: VerifiedBundle, manifestHash: string, reason: string): Promise<boolean> {
  mkdirSync(hq.paths.held, { recursive: true });
  const dest = join(hq.paths.held, `${v.contentHash}.fsb`);
  try {
    copyFileSync(file, dest);
  } catch (e) {
    // A copy cut short by a full disk must not stay behind as a held bundle.
    rmSync(dest, { force: true });
    throw e;
  }
  if (await hq.store.hold({ v, manifestHash, file: dest, reason, now: new Date().toISOString() })) return true;
  if ((await hq.store.bundleById(v.manifest.bundleId))?.state !== 'held') rmSync(dest, { force: true });
  return false;
}

/** Applies held bundles whose dependencies are now met, until none is. */
async function releaseHeld(hq: HqFolder, opts: ImportOptions): Promise<ImportResult[]> {
  const released: ImportResult[] = [];
  for (let progress = true; progress; ) {
    progress = false;
    const held = await hq.store.heldBundles();
    for (const h of held) {
      if (!h.held_file) continue;
      let r: ImportResult;
      try {
        r = await importOne(hq, h.held_file, opts, true);
      } catch (e) {
        // Gone: another importer sharing the folder applied it (and removed its copy) since the list was read.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      if (r.status === 'imported') {
        released.push(r);
        progress = true;
      }
    }
  }
  return released;
}

export type { HeldBundle };

export function listHeld(hq: HqFolder): Promise<HeldBundle[]> {
  return hq.store.listHeld();
}
