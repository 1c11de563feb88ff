// manifest.json: what the bundle claims to hold. Parsed strictly: unknown
// keys, wrong types or an unknown format version are refused, never guessed.
import { z } from 'zod';
import { scanJson } from '../../../shared/json-scan';
import { reject } from './rejection';
import { msg } from '../../../shared/messages';

export const FORMAT = 'fairsite-bundle';
export const FORMAT_VERSION = 1;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');
const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be an id');
// The 255 limit is in UTF-8 bytes, as the zip stores names (and filesystems count them).
const BundlePath = z.string().refine((s) => Buffer.byteLength(s, 'utf8') <= 255, 'must be at most 255 bytes in UTF-8');

export const ManifestFile = z.strictObject({
  path: BundlePath,
  sha256: Hex64,
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const ManifestAudit = z.strictObject({
  id: Uuid,
  revision: z.number().int().min(1),
  previousId: Uuid.nullable(),
  status: z.string().max(40),
  /** Hash of the newest event in the audit's chain at export. */
  headHash: z.string().max(128),
  eventCount: z.number().int().min(0),
  /** First event sequence carried (1 = the whole chain). */
  fromSeq: z.number().int().min(1),
  path: BundlePath,
});
export type ManifestAudit = z.infer<typeof ManifestAudit>;

/** An audit's action chain (corrective actions after finalize), carried from `fromSeq`. */
export const ManifestActionChain = z.strictObject({
  auditId: Uuid,
  /** Hash of the newest action event at export. */
  headHash: Hex64,
  eventCount: z.number().int().min(1),
  fromSeq: z.number().int().min(1),
  path: BundlePath,
});
export type ManifestActionChain = z.infer<typeof ManifestActionChain>;

export const Manifest = z.strictObject({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  bundleId: Uuid,
  createdAt: z.string().max(40),
  auditor: z.strictObject({
    id: z.string().min(1).max(100),
    name: z.string().max(200),
    /** Ed25519 public key, raw 32 bytes in base64. */
    publicKey: z.string().max(100),
    /** SHA-256 of the raw public key, hex. */
    fingerprint: Hex64,
  }),
  /** Counts up on each laptop; lets HQ order bundles from one auditor. */
  sequence: z.number().int().min(1),
  /** The acknowledged bundle this one is incremental to; null for a full bundle. */
  baseBundleId: Uuid.nullable(),
  audits: z.array(ManifestAudit).max(10_000),
  /** Absent when the bundle carries no action events (and in bundles made before action chains travelled). */
  actionChains: z.array(ManifestActionChain).max(10_000).optional(),
  files: z.array(ManifestFile).max(100_000),
});
export type Manifest = z.infer<typeof Manifest>;

/** Parses manifest bytes; every failure is a rejection with the reason. */
export function parseManifest(bytes: Buffer): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    return reject('bad_manifest', msg('bundle.manifestNotJson'));
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return reject('bad_manifest', msg('bundle.manifestNotObject'));
  // JSON.parse keeps the last of two equal keys: a signed manifest must say one thing only.
  const dup = scanJson(bytes.toString('utf8')).duplicates[0];
  if (dup) {
    const where = dup.path.length ? dup.path.map(String).join('.') : '(root)';
    return reject('bad_manifest', msg('bundle.manifestKeyTwice', { key: JSON.stringify(dup.key.slice(0, 60)), where: where.slice(0, 80) }));
  }
  const r = raw as Record<string, unknown>;
  if (r.format !== FORMAT) return reject('bad_manifest', msg('bundle.manifestNotFairsite'));
  if (r.formatVersion !== FORMAT_VERSION) {
    const v = typeof r.formatVersion === 'number' || typeof r.formatVersion === 'string' ? String(r.formatVersion).slice(0, 20) : 'missing';
    return reject('unknown_version', msg('bundle.unknownVersion', { version: v, known: FORMAT_VERSION }));
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join('.') || '(root)' : '(root)';
    return reject('bad_manifest', msg('bundle.manifestInvalidAt', { where, error: issue?.message ?? 'invalid' }));
  }
  const m = parsed.data;
  if (m.baseBundleId === m.bundleId) reject('bad_manifest', msg('bundle.ownBase', { bundle: m.bundleId }));
  const seen = new Set<string>();
  for (const f of m.files) {
    if (seen.has(f.path)) reject('bad_manifest', msg('bundle.listedTwice', { file: f.path }));
    seen.add(f.path);
  }
  for (const a of m.audits) {
    if (!seen.has(a.path)) reject('bad_manifest', msg('bundle.auditUnlisted', { file: a.path }));
  }
  for (const c of m.actionChains ?? []) {
    if (!seen.has(c.path)) reject('bad_manifest', msg('bundle.chainUnlisted', { file: c.path }));
  }
  return m;
}
