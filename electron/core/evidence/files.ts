// Putting a checked photo's files into the store: derivatives first, the
// original last, each written whole. The database row comes after all of
// them, so no row ever names a file that is not complete on disk; files left
// behind by a crash before the row are swept (sweep.ts).
import { access, rm } from 'node:fs/promises';
import type { Core } from '../core';
import { moveIntoPlace, writeFilesAtomic } from './atomic';
import { DERIVATIVES, derivativePath, originalPath, shardDir, type Derivative } from './layout';

const exists = (p: string): Promise<boolean> => access(p).then(() => true, () => false);

/** Marks a hash as being written by this core (Core.filesInFlight): the sweep leaves its files alone. */
export function markInFlight(core: Core, sha256: string): () => void {
  const m = core.filesInFlight;
  m.set(sha256, (m.get(sha256) ?? 0) + 1);
  return () => {
    const n = (m.get(sha256) ?? 1) - 1;
    if (n <= 0) m.delete(sha256);
    else m.set(sha256, n);
  };
}

export const isInFlight = (core: Core, sha256: string): boolean => core.filesInFlight.has(sha256);

export async function filesComplete(core: Core, sha256: string, ext: string): Promise<boolean> {
  const all = await Promise.all([originalPath(core.paths.photos, sha256, ext), ...DERIVATIVES.map((d) => derivativePath(core.paths.photos, sha256, d))].map(exists));
  return all.every(Boolean);
}

/**
 * Moves the received original (already flushed) into place and writes the
 * derivatives beside it. When the original is already stored, the received
 * copy goes.
 */
export async function putFiles(core: Core, sha256: string, ext: string, receivedPath: string | null, derivatives: Record<Derivative, Buffer>): Promise<void> {
  const orig = originalPath(core.paths.photos, sha256, ext);
  if (receivedPath !== null) {
    if (await exists(orig)) await rm(receivedPath, { force: true });
    // The folder is flushed once, below, for this rename and the derivatives.
    else await moveIntoPlace(receivedPath, orig, { syncDir: false });
  }
  const dir = shardDir(core.paths.photos, sha256);
  await writeFilesAtomic(dir, DERIVATIVES.map((d) => ({ final: derivativePath(core.paths.photos, sha256, d), data: derivatives[d] })));
}

/** Removes a stored photo's files; the caller has made sure nothing references them. */
export async function removeFiles(core: Core, sha256: string, ext: string): Promise<void> {
  await Promise.all([originalPath(core.paths.photos, sha256, ext), ...DERIVATIVES.map((d) => derivativePath(core.paths.photos, sha256, d))].map((p) => rm(p, { force: true })));
}
