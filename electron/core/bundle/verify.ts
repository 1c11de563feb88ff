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
import { checkAllowed, checkEntryName, kindOf, MANIFEST, SIGNATURE } from './entry-names';
import { withLimits, type BundleLimits } from './limits';
import { parseManifest, type Manifest } from './manifest';
import { BundleRejected, isNoSpace, reject } from './rejection';
import { checkSeal, digestFile, readSeal, SealDigestStream } from './seal';
import { fingerprintOf, verifyManifest } from './signature';
import { openBundleZip, readEntry, stagingPathOf, type OpenZip } from './zip-reader';
import { parseAuditDoc } from './content';
import { AuditDocs } from './audit-docs';
import { actionCountOf, actionHeadOf, evidenceFilesOf, parseActionDoc, type ActionChainDoc } from './action-docs';
import { closurePath } from './entry-names';

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
    if (this.n > this.cap) cb(new BundleRejected('too_large', `The decrypted bundle is larger than the ${this.cap}-byte cap.`));
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
    if (all.length >= 4 && !all.subarray(0, 4).equals(PK)) return cb(new BundleRejected('not_a_bundle', 'The decrypted bundle is not a zip archive: it was not made by Fairsite.'));
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
  if (!identities.length) reject('decrypt_failed', 'The bundle is encrypted for headquarters, and no HQ key is available here to open it.');
  const cipherHash = new HashingStream();
  const plainDigest = new SealDigestStream();
  try {
    const plain = await decryptStream(createReadStream(src, { highWaterMark: 1024 * 1024 }).pipe(cipherHash), identities[0]!);
    await pipeline(plain, new ByteCap(cap), new ZipStart(), plainDigest, createWriteStream(dest, { flags: 'wx' }));
  } catch (e) {
    if (e instanceof BundleRejected || isNoSpace(e)) throw e;
    const why = e instanceof Error ? e.message : String(e);
    return reject('decrypt_failed', `The bundle cannot be decrypted: it is damaged, cut short, or not encrypted for this headquarters key (${why.slice(0, 120)}).`);
  }
  return { fileHash: cipherHash.digestHex(), sealDigest: plainDigest.digests().sealDigest };
}

export async function verifyBundle(file: string, opts: VerifyOptions): Promise<VerifiedBundle> {
  const limits = withLimits(opts.limits);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return reject('not_a_bundle', 'The bundle file cannot be read.');
  }
  if (size > limits.maxBundleBytes) reject('too_large', `The bundle is ${size} bytes; the largest accepted is ${limits.maxBundleBytes}.`);
  if (size < 22) reject('not_a_bundle', 'The file is too small to be a bundle.');

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
    if (!seal) reject('missing_signature', 'The bundle carries no archive seal; it was not written by Fairsite or was altered.');
    if (!checkSeal(digests.sealDigest, seal!, publicKeyRaw)) reject('bad_signature', 'The bundle was changed after it was signed (the archive seal does not match its bytes).');

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
  if (s.state === 'unknown') reject('unknown_signer', `The bundle is signed by ${key}, which is not enrolled at this headquarters (it claims to be ${s.name} (${s.auditorId})). Enrol the auditor's key first.`);
  if (s.state === 'revoked') reject('revoked_signer', `The bundle is signed by ${s.name} (${s.auditorId}), ${key}, whose key was revoked.`);
}

async function readSignedManifest(zip: OpenZip, limits: BundleLimits): Promise<{ manifest: Manifest; manifestBytes: Buffer; publicKeyRaw: Buffer }> {
  const mEntry = zip.entries.get(MANIFEST);
  if (!mEntry) return reject('bad_manifest', 'The bundle has no manifest.json.');
  const sEntry = zip.entries.get(SIGNATURE);
  if (!sEntry) return reject('missing_signature', 'The bundle has no manifest.sig: it is not signed.');
  if (mEntry.size > limits.maxManifestBytes) reject('too_large', 'manifest.json is larger than allowed.');
  if (sEntry.size > 200) reject('bad_signature', 'manifest.sig is not an Ed25519 signature.');
  const mBytes = (await readEntry(zip, mEntry, null)).data!;
  const sBytes = (await readEntry(zip, sEntry, null)).data!;
  const manifest = parseManifest(mBytes);
  const publicKeyRaw = Buffer.from(manifest.auditor.publicKey, 'base64');
  if (publicKeyRaw.length !== 32) reject('bad_manifest', "manifest.json does not carry a valid Ed25519 public key.");
  if (fingerprintOf(publicKeyRaw) !== manifest.auditor.fingerprint) reject('bad_signature', "The manifest's key fingerprint does not match its public key.");
  const sig = Buffer.from(sBytes.toString('ascii').trim(), 'base64');
  if (sig.length !== 64) reject('bad_signature', 'manifest.sig is not an Ed25519 signature.');
  if (!verifyManifest(mBytes, sig, publicKeyRaw)) reject('bad_signature', 'The manifest signature does not match: the manifest was changed or signed by another key.');
  return { manifest, manifestBytes: mBytes, publicKeyRaw };
}

async function checkFiles(zip: OpenZip, manifest: Manifest, staging: string, filesDir: string | null, limits: BundleLimits): Promise<{ audits: AuditDocs; actionChains: ActionChainDoc[] }> {
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const f of manifest.files) {
    if (f.path === MANIFEST || f.path === SIGNATURE) reject('bad_manifest', `manifest.json lists ${f.path} among its files.`);
    const e = zip.entries.get(f.path);
    if (!e) reject('missing_file', `The manifest lists ${f.path}, but the bundle does not contain it.`);
    if (e!.size !== f.size) reject('size_mismatch', `${f.path} is ${e!.size} bytes in the archive but ${f.size} in the manifest.`);
  }
  for (const name of zip.entries.keys()) {
    if (name !== MANIFEST && name !== SIGNATURE && !listed.has(name)) reject('unlisted_file', `The bundle contains ${name}, which the manifest does not list.`);
  }
  const docs = new AuditDocs(join(staging, 'docs'), limits.keptDocBytes);
  const chains = new Map<string, ActionChainDoc>();
  for (const f of manifest.files) {
    const e = zip.entries.get(f.path)!;
    const kind = kindOf(f.path);
    const isDoc = kind === 'audit' || kind === 'actions';
    if (isDoc && f.size > limits.maxAuditDocBytes) reject('too_large', `${f.path} is larger than allowed.`);
    const dest = filesDir && !isDoc ? stagingPathOf(filesDir, f.path) : null;
    const got = await readEntry(zip, e, dest);
    if (got.bytes !== f.size) reject('size_mismatch', `${f.path} holds ${got.bytes} bytes, not the ${f.size} the manifest lists.`);
    if (got.sha256 !== f.sha256) reject('hash_mismatch', `${f.path} does not match its SHA-256 in the manifest.`);
    if ((kind === 'photo' || kind === 'closure' || kind === 'report') && !f.path.includes(got.sha256)) reject('hash_mismatch', `${f.path} is not named by its own hash.`);
    if (kind === 'audit') docs.add(f.path, got.data!, parseAuditDoc(f.path, got.data!));
    if (kind === 'actions') chains.set(f.path, parseActionDoc(f.path, got.data!));
  }
  for (const a of manifest.audits) {
    const doc = docs.summary(a.path);
    if (!doc || doc.id !== a.id) return reject('bad_content', `The manifest names audit ${a.id}, but ${a.path} does not hold it.`);
    if (doc.headHash !== a.headHash || doc.fromSeq !== a.fromSeq || doc.revision !== a.revision) {
      reject('bad_content', `The manifest's summary of audit ${a.id} does not match its record.`);
    }
    if (a.eventCount !== doc.eventCount) reject('bad_content', `The manifest says audit ${a.id} has ${a.eventCount} events, but its record's chain has ${doc.eventCount}.`);
    if (a.status !== doc.status || a.previousId !== doc.previousId) reject('bad_content', `The manifest's status of audit ${a.id} does not match its record.`);
  }
  if (docs.length !== manifest.audits.length) reject('bad_content', 'The bundle holds an audit record the manifest does not name as an audit.');
  const actionChains = checkActionSummaries(manifest, chains);
  checkClosureFiles(manifest, actionChains);
  return { audits: docs, actionChains };
}

/** Each carried action chain must be the one the signed manifest summarises, and each summary must have its chain. */
function checkActionSummaries(manifest: Manifest, chains: Map<string, ActionChainDoc>): ActionChainDoc[] {
  const named = manifest.actionChains ?? [];
  for (const c of named) {
    const doc = chains.get(c.path);
    if (!doc || doc.auditId !== c.auditId) return reject('bad_content', `The manifest names the action chain of audit ${c.auditId}, but ${c.path} does not hold it.`);
    if (doc.fromSeq !== c.fromSeq || actionHeadOf(doc) !== c.headHash || actionCountOf(doc) !== c.eventCount) {
      reject('bad_content', `The manifest's summary of the action chain of audit ${c.auditId} does not match the chain carried.`);
    }
  }
  if (chains.size !== named.length) reject('bad_content', 'The bundle holds an action chain the manifest does not name.');
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
    if (size === undefined) reject('bad_content', `The bundle carries the closure evidence file ${f.path}, which no evidence record in it names.`);
    if (size !== f.size) reject('bad_content', `The closure evidence file ${f.path} is ${f.size} bytes, but its evidence record says ${size}.`);
  }
}
