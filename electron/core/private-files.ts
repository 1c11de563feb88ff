// The data folder holds interview notes, photos, reports and keys: no other
// local user may read it. The folder is 0700 and every file in it 0600, new
// ones by the modes they are created with, existing ones (from versions
// that left them 0644) tightened once when the folder is opened.
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

/** Creates the folder 0700 (and makes an existing one 0700). */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (posix) chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Prepares the data folder before the database opens: the folder 0700, and
 * the database file created empty at 0600 when new, so SQLite's journal
 * files (which take the database's mode) are private too.
 */
export function preparePrivateDataDir(dataDir: string, database: string): void {
  privateDir(dataDir);
  if (!existsSync(database)) closeSync(openSync(database, 'a', PRIVATE_FILE_MODE));
  if (posix) {
    for (const f of [database, `${database}-wal`, `${database}-shm`]) if (existsSync(f)) chmodSync(f, PRIVATE_FILE_MODE);
  }
}

/** Removes group and other access from everything under `dir` (symbolic links are left alone); returns how many changed. */
export function tightenTree(dir: string): number {
  if (!posix) return 0;
  let changed = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isSymbolicLink()) continue;
      const mode = lstatSync(p).mode & 0o777;
      const want = e.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
      if (mode & 0o077) {
        chmodSync(p, want);
        changed++;
      }
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return changed;
}
