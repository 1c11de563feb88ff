// Cleaning the photo store: temporary files, unfinished uploads, and files
// that no record refers to (a crash between writing files and committing
// their row leaves those). Files younger than the grace period are left,
// as another process may be about to commit them; at start-up it can be 0.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Core } from '../core';
import { isInFlight } from './files';
import { incomingDir, parseStoredName, PART_SUFFIX, TEMP_SUFFIX } from './layout';
import { dropUnreferenced, removeDropped } from './photos';
import { stmt } from '../store/stmt';
import { write } from '../store/write';

export interface SweepReport {
  removed: string[];
  /** Rows whose original is missing from disk (cannot be repaired here). */
  missing: string[];
}

/** Rows per batch of the sweep's walk over the file rows. */
export const BATCH = 500;
export const BATCH_SQL = `SELECT f.sha256, f.ext,
    NOT EXISTS (SELECT 1 FROM photos p WHERE p.sha256 = f.sha256) AND NOT EXISTS (SELECT 1 FROM photos p WHERE p.annotated_sha256 = f.sha256) AS orphan
  FROM photo_files f WHERE f.sha256 > ? ORDER BY f.sha256 LIMIT ?`;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const list = (dir: string): Promise<string[]> => readdir(dir).catch(() => [] as string[]);

async function oldEnough(path: string, cutoff: number | null): Promise<boolean> {
  if (cutoff === null) return true;
  try {
    return (await stat(path)).mtimeMs <= cutoff;
  } catch {
    return false;
  }
}

export async function sweepPhotos(core: Core, opts: { graceMs?: number; activeParts?: ReadonlySet<string> } = {}): Promise<SweepReport> {
  // A grace of 0 takes every leftover whatever its time stamp says: a file's
  // time can be ahead of Date.now() (sub-millisecond, or a clock set back).
  const grace = opts.graceMs ?? 10 * 60_000;
  const cutoff = grace > 0 ? Date.now() - grace : null;
  const removed: string[] = [];
  const drop = async (p: string) => {
    await rm(p, { force: true });
    removed.push(p);
  };

  // The file rows are read in batches with a turn of the event loop between
  // them: with tens of thousands of photos one pass would hold every reply
  // back. Orphans found on the way are checked again where they are dropped.
  const known = new Map<string, string>();
  const orphans: string[] = [];
  for (let after = ''; ;) {
    const rows = stmt(core.db, BATCH_SQL).all(after, BATCH) as Array<{ sha256: string; ext: string; orphan: number }>;
    if (!rows.length) break;
    for (const r of rows) {
      known.set(r.sha256, r.ext);
      if (r.orphan) orphans.push(r.sha256);
    }
    after = rows.at(-1)!.sha256;
    await nextTurn();
  }
  if (orphans.length) {
    const gone = write(core, () => dropUnreferenced(core, orphans));
    for (const g of gone) known.delete(g.sha256);
    await removeDropped(core, gone);
  }

  const root = core.paths.photos;
  const incoming = incomingDir(root);
  for (const name of await list(incoming)) {
    const p = join(incoming, name);
    if (name.endsWith(PART_SUFFIX) && opts.activeParts?.has(p)) continue;
    if (await oldEnough(p, cutoff)) await drop(p);
  }
  const seen = new Set<string>();
  for (const shard of await list(root)) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    const dir = join(root, shard);
    for (const name of await list(dir)) {
      const p = join(dir, name);
      const parsed = parseStoredName(name);
      if (parsed && known.has(parsed.sha256)) {
        if (parsed.derivative === null && name === `${parsed.sha256}.${known.get(parsed.sha256)}`) seen.add(parsed.sha256);
        continue;
      }
      if (parsed && isInFlight(core, parsed.sha256)) continue;
      if ((parsed || name.endsWith(TEMP_SUFFIX)) && (await oldEnough(p, cutoff))) await drop(p);
    }
  }
  const missing = [...known.keys()].filter((sha) => !seen.has(sha));
  return { removed, missing };
}
