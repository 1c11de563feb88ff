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

export async function writeFileAtomic(final: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(final), { recursive: true });
  const tmp = tempName(final);
  try {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, final);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dirname(final));
}

/**
 * Moves an already flushed file into place. Both folders are in the data
 * folder, on one file system, so the rename is atomic.
 */
export async function moveIntoPlace(from: string, final: string): Promise<void> {
  await mkdir(dirname(final), { recursive: true });
  await rename(from, final);
  await fsyncDir(dirname(final));
}
