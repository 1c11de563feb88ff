// Files appear whole or not at all: written to a temporary name in the
// destination folder, flushed, renamed over the final name, and the folder
// flushed so the rename itself survives a power cut.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TEMP_SUFFIX } from './layout';

export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

const tempName = (final: string): string => join(dirname(final), `.${basename(final)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);

/** Writes and flushes a temporary file beside `final`; returns its name. */
async function writeTemp(final: string, data: Uint8Array): Promise<string> {
  const tmp = tempName(final);
  try {
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return tmp;
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Several files into one folder, each whole or not at all: all written and
 * flushed first, then renamed, then the folder flushed once for them all.
 */
export async function writeFilesAtomic(dir: string, files: Array<{ final: string; data: Uint8Array }>): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const written = await Promise.allSettled(files.map((f) => writeTemp(f.final, f.data)));
  const temps = written.flatMap((w) => (w.status === 'fulfilled' ? [w.value] : []));
  const failed = written.find((w): w is PromiseRejectedResult => w.status === 'rejected');
  if (failed) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw failed.reason;
  }
  for (const [i, f] of files.entries()) await rename(temps[i]!, f.final);
  await fsyncDir(dir);
}

export async function writeFileAtomic(final: string, data: Uint8Array): Promise<void> {
  await writeFilesAtomic(dirname(final), [{ final, data }]);
}

/**
 * Moves an already flushed file into place. Both folders are in the data
 * folder, on one file system, so the rename is atomic.
 */
export async function moveIntoPlace(from: string, final: string, opts: { syncDir?: boolean } = {}): Promise<void> {
  await mkdir(dirname(final), { recursive: true, mode: 0o700 });
  await rename(from, final);
  if (opts.syncDir !== false) await fsyncDir(dirname(final));
}
