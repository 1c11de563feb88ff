// Everything a bundle must pass before anyone acts on it, cheapest first:
// size, decryption, the zip directory, the manifest and its signature, the
// archive seal, then every file's size and hash. Files are written only
// inside the staging folder given, under names the format allows.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { HashingStream } from './hashing';
import { decryptStream, fileStartsWith, isAgeFile } from './age';
import { checkAllowed, checkEntryName, kindOf, MANIFEST, SIGNATURE, closurePath } from './entry-names';
import { withLimits, type BundleLimits } from './limits';
import { parseManifest, type Manifest } from './manifest';
import { BundleRejected, isNoSpace, reject } from './rejection';
import { checkSeal, digestFile, readSeal, SealDigestStream } from './seal';
import { fingerprintOf, verifyManifest } from './signature';
import { openBundleZip, readEntry, stagingPathOf, type OpenZip } from './zip-reader';
import { parseAuditDoc } from './content';
import { AuditDocs } from './audit-docs';
import { actionCountOf, actionHeadOf, evidenceFilesOf, parseActionDoc, type ActionChainDoc } from './action-docs';
import { msg } from '../../../shared/messages';

export type SignerState = 'enrolled' | 'revoked' | 'unknown';

export interface VerifyOptions {
  /** A fresh folder owned by the caller; the only place anything is written. */
  staging: string;
  /** Write the files to staging/files (import) or only hash them (verify). */
  extract: boolean;
  identities?: string[];
  limits?: Partial<BundleLimits>;
  signerState?: (fingerprint: string, auditorId: string) => SignerState;
  /**
   * Who the key is at this HQ. When given, the signer's name and auditor ID
   * come from here, never from the manifest (which anyone can write).
   */
  enrolment?: (fingerprint: string) => Enrolment | null;
  /** Refuse an unknown or revoked signer as soon as the signed manifest is read, before any content is read or written. */
  requireEnrolled?: boolean;
  /** From `digestFile` when the caller already read the file once. */
  digests?: FileDigests;
}

export interface Enrolment {
  state: SignerState;
  auditorId: string;
  name: string;
}

export interface FileDigests {
  sealDigest: Buffer;
  fileHash: string;
}

export interface VerifiedBundle {
  manifest: Manifest;
  /** manifest.json exactly as signed. */
  manifestText: string;
  /** SHA-256 of the bundle file exactly as received (ciphertext when encrypted). */
  contentHash: string;
  size: number;
  encrypted: boolean;
  signer: { auditorId: string; name: string; fingerprint: string; state: SignerState };
  /** Each document as checked; iterate them (a large bundle's are read back from staging one at a time). */
  audits: AuditDocs;
  /** Each action chain carried (corrective actions after finalize), its links and hashes checked. */
  actionChains: ActionChainDoc[];
  /** Where extracted files are, by bundle path; null when not extracted. */
  filesDir: string | null;
}

const PK = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

class ByteCap extends Transform {
  private n = 0;
  constructor(private readonly cap: number) {
    super();
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: (err?: Error | null, data?: Buffer) => void): void {
    this.n += chunk.length;
    if (this.n > this.cap) cb(new BundleRejected('too_large', msg('bundle.decryptedTooLarge', { max: this.cap })));
    else cb(null, chunk);
  }
}

/**
 * The format puts the signed manifest at the end of the zip, so the signer of
 * an encrypted bundle is known only once it is all decrypted. What can be
 * judged first is: a bundle zip starts with a local header naming a file a
 * bundle may hold. Anything else (junk encrypted to HQ's public key) stops
 * at its first bytes instead of filling staging.
 */
class ZipStart extends Transform {
  private head: Buffer | null = Buffer.alloc(0);
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: (err?: Error | null, data?: Buffer) => void): void {
    if (!this.head) return cb(null, chunk);
    const all = Buffer.concat([this.head, chunk]);
    if (all.length >= 4 && !all.subarray(0, 4).equals(PK)) return cb(new BundleRejected('not_a_bundle', msg('bundle.decryptedNotZip')));
    if (all.length < 30 || all.length < 30 + all.readUInt16LE(26)) {
      this.head = all;
      return cb();
    }
    try {
      checkAllowed(checkEntryName(all.subarray(30, 30 + all.readUInt16LE(26)), (all.readUInt16LE(6) & 0x800) !== 0));
    } catch (e) {
      return cb(e as Error);
    }
    this.head = null;
    cb(null, all);
  }
  override _flush(cb: (err?: Error | null, data?: Buffer) => void): void {
    cb(null, this.head ?? undefined);
  }
}

/** Decrypts into `dest`; returns the ciphertext's hash and the seal digest of the plaintext. */
async function decryptTo(src: string, dest: string, identities: string[], cap: number): Promise<FileDigests> {
  if (!identities.length) reject('decrypt_failed', msg('bundle.noHqKey'));
  const cipherHash = new HashingStream();
  const plainDigest = new SealDigestStream();
  try {
    const plain = await decryptStream(createReadStream(src, { highWaterMark: 1024 * 1024 }).pipe(cipherHash), identities[0]!);
    await pipeline(plain, new ByteCap(cap), new ZipStart(), plainDigest, createWriteStream(dest, { flags: 'wx' }));
  } catch (e) {
    if (e instanceof BundleRejected || isNoSpace(e)) throw e;
    const why = e instanceof Error ? e.message : String(e);
    return reject('decrypt_failed', msg('bundle.cannotDecrypt', { error: why.slice(0, 120) }));
  }
  return { fileHash: cipherHash.digestHex(), sealDigest: plainDigest.digests().sealDigest };
}

export async function verifyBundle(file: string, opts: VerifyOptions): Promise<VerifiedBundle> {
  const limits = withLimits(opts.limits);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return reject('not_a_bundle', msg('bundle.unreadable'));
  }
  if (size > limits.maxBundleBytes) reject('too_large', msg('bundle.tooLarge', { size, max: limits.maxBundleBytes }));
  if (size < 22) reject('not_a_bundle', msg('bundle.tooSmall'));

  const encrypted = await isAgeFile(file);
  let zipPath = file;
  let digests: FileDigests;
  if (encrypted) {
    zipPath = join(opts.staging, 'bundle.zip');
    digests = await decryptTo(file, zipPath, opts.identities ?? [], limits.maxBundleBytes);
  } else {
    digests = opts.digests ?? (await digestFile(file));
  }
  const zipSize = (await stat(zipPath)).size;
  const zip = await openBundleZip(zipPath, limits, await fileStartsWith(zipPath, PK));
  try {
    const { manifest, manifestBytes, publicKeyRaw } = await readSignedManifest(zip, limits);
    const seal = await readSeal(zipPath, zipSize);
    if (!seal) reject('missing_signature', msg('bundle.noSeal'));
    if (!checkSeal(digests.sealDigest, seal!, publicKeyRaw)) reject('bad_signature', msg('bundle.sealBroken'));

    const fingerprint = manifest.auditor.fingerprint;
    const enrolled = opts.enrolment?.(fingerprint) ?? null;
    const state = enrolled?.state ?? (opts.signerState ? opts.signerState(fingerprint, manifest.auditor.id) : 'unknown');
    const signer = enrolled
      ? { auditorId: enrolled.auditorId, name: enrolled.name, fingerprint, state }
      : { auditorId: manifest.auditor.id, name: manifest.auditor.name, fingerprint, state };
    if (opts.requireEnrolled) refuseSigner(signer);
    const filesDir = opts.extract ? join(opts.staging, 'files') : null;
    const { audits, actionChains } = await checkFiles(zip, manifest, opts.staging, filesDir, limits);
    return {
      manifest, manifestText: manifestBytes.toString('utf8'), contentHash: opts.digests?.fileHash ?? digests.fileHash, size, encrypted,
      signer,
      audits, actionChains, filesDir,
    };
  } finally {
    zip.close();
  }
}

/** The manifest is signed but its auditor fields are claims: name the key, and who HQ knows it as. */
function refuseSigner(s: VerifiedBundle['signer']): void {
  const key = `key ${s.fingerprint.match(/.{4}/g)!.slice(0, 4).join(' ')}…`;
  if (s.state === 'unknown') reject('unknown_signer', msg('bundle.unknownSigner', { key, name: s.name, auditorId: s.auditorId }));
  if (s.state === 'revoked') reject('revoked_signer', msg('bundle.revokedSigner', { name: s.name, auditorId: s.auditorId, key }));
}

async function readSignedManifest(zip: OpenZip, limits: BundleLimits): Promise<{ manifest: Manifest; manifestBytes: Buffer; publicKeyRaw: Buffer }> {
  const mEntry = zip.entries.get(MANIFEST);
  if (!mEntry) return reject('bad_manifest', msg('bundle.noManifest'));
  const sEntry = zip.entries.get(SIGNATURE);
  if (!sEntry) return reject('missing_signature', msg('bundle.noSignature'));
  if (mEntry.size > limits.maxManifestBytes) reject('too_large', msg('bundle.manifestTooLarge'));
  if (sEntry.size > 200) reject('bad_signature', msg('bundle.signatureNotEd25519'));
  const mBytes = (await readEntry(zip, mEntry, null)).data!;
  const sBytes = (await readEntry(zip, sEntry, null)).data!;
  const manifest = parseManifest(mBytes);
  const publicKeyRaw = Buffer.from(manifest.auditor.publicKey, 'base64');
  if (publicKeyRaw.length !== 32) reject('bad_manifest', msg('bundle.manifestNoKey'));
  if (fingerprintOf(publicKeyRaw) !== manifest.auditor.fingerprint) reject('bad_signature', msg('bundle.fingerprintMismatch'));
  const sig = Buffer.from(sBytes.toString('ascii').trim(), 'base64');
  if (sig.length !== 64) reject('bad_signature', msg('bundle.signatureNotEd25519'));
  if (!verifyManifest(mBytes, sig, publicKeyRaw)) reject('bad_signature', msg('bundle.signatureMismatch'));
  return { manifest, manifestBytes: mBytes, publicKeyRaw };
}

async function checkFiles(zip: OpenZip, manifest: Manifest, staging: string, filesDir: string | null, limits: BundleLimits): Promise<{ audits: AuditDocs; actionChains: ActionChainDoc[] }> {
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const f of manifest.files) {
    if (f.path === MANIFEST || f.path === SIGNATURE) reject('bad_manifest', msg('bundle.listsItself', { file: f.path }));
    const e = zip.entries.get(f.path);
    if (!e) reject('missing_file', msg('bundle.missingFile', { file: f.path }));
    if (e!.size !== f.size) reject('size_mismatch', msg('bundle.sizeDiffers', { file: f.path, inArchive: e!.size, inManifest: f.size }));
  }
  for (const name of zip.entries.keys()) {
    if (name !== MANIFEST && name !== SIGNATURE && !listed.has(name)) reject('unlisted_file', msg('bundle.unlistedFile', { file: name }));
  }
  const docs = new AuditDocs(join(staging, 'docs'), limits.keptDocBytes);
  const chains = new Map<string, ActionChainDoc>();
  for (const f of manifest.files) {
    const e = zip.entries.get(f.path)!;
    const kind = kindOf(f.path);
    const isDoc = kind === 'audit' || kind === 'actions';
    if (isDoc && f.size > limits.maxAuditDocBytes) reject('too_large', msg('bundle.fileTooLarge', { file: f.path }));
    const dest = filesDir && !isDoc ? stagingPathOf(filesDir, f.path) : null;
    const got = await readEntry(zip, e, dest);
    if (got.bytes !== f.size) reject('size_mismatch', msg('bundle.holdsBytes', { file: f.path, bytes: got.bytes, size: f.size }));
    if (got.sha256 !== f.sha256) reject('hash_mismatch', msg('bundle.hashDiffers', { file: f.path }));
    if ((kind === 'photo' || kind === 'closure' || kind === 'report') && !f.path.includes(got.sha256)) reject('hash_mismatch', msg('bundle.notNamedByHash', { file: f.path }));
    if (kind === 'audit') docs.add(f.path, got.data!, parseAuditDoc(f.path, got.data!));
    if (kind === 'actions') chains.set(f.path, parseActionDoc(f.path, got.data!));
  }
  for (const a of manifest.audits) {
    const doc = docs.summary(a.path);
    if (!doc || doc.id !== a.id) return reject('bad_content', msg('bundle.auditNotHeld', { audit: a.id, file: a.path }));
    if (doc.headHash !== a.headHash || doc.fromSeq !== a.fromSeq || doc.revision !== a.revision) {
      reject('bad_content', msg('bundle.auditSummary', { audit: a.id }));
    }
    if (a.eventCount !== doc.eventCount) reject('bad_content', msg('bundle.eventCount', { audit: a.id, said: a.eventCount, chain: doc.eventCount }));
    if (a.status !== doc.status || a.previousId !== doc.previousId) reject('bad_content', msg('bundle.auditStatus', { audit: a.id }));
  }
  if (docs.length !== manifest.audits.length) reject('bad_content', msg('bundle.unnamedAudit'));
  const actionChains = checkActionSummaries(manifest, chains);
  checkClosureFiles(manifest, actionChains);
  return { audits: docs, actionChains };
}

/** Each carried action chain must be the one the signed manifest summarises, and each summary must have its chain. */
function checkActionSummaries(manifest: Manifest, chains: Map<string, ActionChainDoc>): ActionChainDoc[] {
  const named = manifest.actionChains ?? [];
  for (const c of named) {
    const doc = chains.get(c.path);
    if (!doc || doc.auditId !== c.auditId) return reject('bad_content', msg('bundle.chainNotHeld', { audit: c.auditId, file: c.path }));
    if (doc.fromSeq !== c.fromSeq || actionHeadOf(doc) !== c.headHash || actionCountOf(doc) !== c.eventCount) {
      reject('bad_content', msg('bundle.chainSummary', { audit: c.auditId }));
    }
  }
  if (chains.size !== named.length) reject('bad_content', msg('bundle.unnamedChain'));
  return named.map((c) => chains.get(c.path)!);
}

/**
 * Closure evidence files travel only beside the records that name them: a
 * carried file no carried evidence record names is refused, and so is one
 * whose size is not the size its record gives. (Whether a record whose file
 * is not carried names a file headquarters already holds is HQ's to judge.)
 */
function checkClosureFiles(manifest: Manifest, chains: ActionChainDoc[]): void {
  const named = new Map<string, number>();
  for (const c of chains) for (const f of evidenceFilesOf(c)) named.set(closurePath(f.sha256), f.size);
  for (const f of manifest.files) {
    if (kindOf(f.path) !== 'closure') continue;
    const size = named.get(f.path);
    if (size === undefined) reject('bad_content', msg('bundle.closureUnnamed', { file: f.path }));
    if (size !== f.size) reject('bad_content', msg('bundle.closureSize', { file: f.path, size: f.size, recorded: size! }));
  }
}
