// Caps applied to every bundle before any byte is trusted. A bundle larger
// than these is refused with the cap named, never half-read.
export interface BundleLimits {
  /** Largest bundle file accepted, encrypted or not. */
  maxBundleBytes: number;
  maxEntries: number;
  /** Largest single entry once uncompressed. */
  maxEntryBytes: number;
  /** Sum of all uncompressed entries. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, for entries larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxManifestBytes: number;
  maxAuditDocBytes: number;
  /** Audit documents (JSON bytes) kept parsed in memory after verification; the rest are read back from staging when used. */
  keptDocBytes: number;
}

export const DEFAULT_LIMITS: BundleLimits = {
  maxBundleBytes: 16 * 1024 ** 3,
  maxEntries: 100_000,
  maxEntryBytes: 4 * 1024 ** 3,
  maxTotalBytes: 32 * 1024 ** 3,
  maxRatio: 100,
  ratioFloorBytes: 64 * 1024,
  maxManifestBytes: 32 * 1024 * 1024,
  maxAuditDocBytes: 256 * 1024 * 1024,
  // Parsed, a document takes several times its JSON bytes, and V8 lets its heap
  // grow to a multiple of what is live: 8 MB kept cost a full import about 40 MB.
  keptDocBytes: 1024 * 1024,
};

export function withLimits(over?: Partial<BundleLimits>): BundleLimits {
  return { ...DEFAULT_LIMITS, ...over };
}
