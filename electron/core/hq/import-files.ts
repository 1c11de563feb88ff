// The files around an import: the bundle file as found (a regular file, or
// nothing is read), HQ's staging folder (bounded by the disk's free space,
// one folder per import named by its process, emptied of dead processes'
// folders on open: they may hold decrypted plaintext) and HQ's disk filling up.
import { constants } from 'node:fs';
import { mkdirSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { lstat, mkdtemp, open } from 'node:fs/promises';
import { join } from 'node:path';
import { formatBytes } from '../../../shared/format-bytes';
import type { RejectCode } from '../bundle/rejection';
import { isAgeFile } from '../bundle/age';
import type { HqFolder } from './context';
import { msg, type Message } from '../../../shared/messages';
import { said } from './import-texts';

/** Why a path cannot be imported as a bundle file, or null when it is a regular file within the cap. */
export async function refuseNonRegular(file: string, cap: number): Promise<{ reason: RejectCode; message: string; text: Message } | null> {
  let st;
  try {
    st = await lstat(file);
  } catch {
    return { reason: 'not_a_bundle', ...said(msg('hqImport.unreadable')) };
  }
  const what = st.isSymbolicLink() ? 'link' : st.isFIFO() ? 'fifo' : st.isCharacterDevice() || st.isBlockDevice() ? 'device'
    : st.isSocket() ? 'socket' : st.isDirectory() ? 'folder' : st.isFile() ? null : 'other';
  if (what) return { reason: 'not_a_file', ...said(msg('hqImport.notRegular', { file, what: msg(`hqImport.what.${what}`) })) };
  if (st.size > cap) return { reason: 'too_large', ...said(msg('hqImport.tooLargeIs', { size: st.size, cap })) };
  // Opened without following links and without blocking, then checked again: the name may have been swapped since lstat.
  try {
    const fh = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      if (!(await fh.stat()).isFile()) return { reason: 'not_a_file', ...said(msg('hqImport.notRegularNow', { file })) };
    } finally {
      await fh.close();
    }
  } catch {
    return { reason: 'not_a_file', ...said(msg('hqImport.cannotOpen', { file })) };
  }
  return null;
}

// isNoSpace's codes, SQLite's, and PostgreSQL's disk_full (SQLSTATE 53100: the server's transaction is rolled back, nothing written).
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'SQLITE_FULL', '53100']);

/** Errors that mean HQ's own disk (or quota) is full, wherever in the import they arose. */
export function isDiskFull(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && DISK_FULL.has(code)) return true;
    const details = (x as { details?: { reason?: unknown } }).details;
    if (details?.reason === 'hq_disk_full') return true;
  }
  return false;
}

export const diskFullMessage = (hq: HqFolder): Message => hq.store.engine === 'postgres'
  ? msg('hqImport.diskFullServer', { where: hq.store.where })
  : msg('hqImport.diskFull', { dir: hq.paths.dir });

/** Staging needs the bundle once (extracted) and once more when it is decrypted first; null when it fits. */
export async function roomFor(hq: HqFolder, file: string): Promise<Message | null> {
  mkdirSync(hq.paths.staging, { recursive: true, mode: 0o700 });
  const size = (await lstat(file)).size;
  const need = size * ((await isAgeFile(file)) ? 2 : 1) + 16 * 1024 * 1024;
  let free: number;
  try {
    const s = statfsSync(hq.paths.staging);
    free = s.bavail * s.bsize;
  } catch {
    return null;
  }
  if (free >= need) return null;
  return msg('hqImport.diskFullNeed', { full: diskFullMessage(hq), need: formatBytes(need), free: formatBytes(free) });
}

const PREFIX = 'import-';

export function newStaging(hq: HqFolder): Promise<string> {
  mkdirSync(hq.paths.staging, { recursive: true, mode: 0o700 });
  return mkdtemp(join(hq.paths.staging, `${PREFIX}${process.pid}-`));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * On open: removes staging folders whose process is gone (killed mid-import,
 * possibly leaving decrypted plaintext). Folders of live importers sharing
 * this HQ folder are left alone.
 */
export function cleanStaging(hq: HqFolder): void {
  let names: string[];
  try {
    names = readdirSync(hq.paths.staging);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^import-(\d+)-/.exec(name)?.[1] ?? NaN);
    if (Number.isInteger(pid) && alive(pid)) continue;
    rmSync(join(hq.paths.staging, name), { recursive: true, force: true });
  }
}
