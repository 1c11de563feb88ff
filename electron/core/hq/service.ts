// Headquarters as the app and the command line use it: its folder, a
// summary for the HQ screen, and import of files or whole folders.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Core } from '../core';
import { AppError } from '../../../shared/errors';
import type { HqStatus } from '../../../shared/domain/sync';
import { openHq, type Hq, type HqFolder } from './context';
import { importBundles, listHeld, type ImportOptions, type ImportResult } from './import';
import { hasHqKey, loadHqIdentity } from './keys';
import { recipientOf } from '../bundle/age';
import { hqDatabaseUrl } from './engine/db-setting';
import { openPgAppHq } from './engine/app-hq';
import { stopWatcher } from './inbox/service';
import { sqliteStore } from './engine/sqlite-store';

/**
 * The app's HQ lives in DATA/hq; its rows in hq.db there, or on the
 * PostgreSQL server HQ settings name (the screens then read a replica in
 * the folder). Opened on first use and closed with the core.
 */
export function hqFor(core: Core): Promise<Hq> {
  const dir = join(core.dataDir, 'hq');
  const url = hqDatabaseUrl(core);
  core.hq ??= (url ? openPgAppHq(dir, core.secretBox, url) : openHq(dir, core.secretBox)).then((hq) => {
    core.onClose(() => hq.close());
    return hq;
  });
  return core.hq;
}

/** Closes the app's HQ (its watcher too), so the next use opens it on the database the settings now name. */
export async function closeAppHq(core: Core): Promise<void> {
  const open = core.hq;
  core.hq = null;
  const hq = await open?.catch(() => null);
  if (!hq) return;
  stopWatcher(hq);
  hq.close();
}

/** After the app wrote to HQ: the replica of a PostgreSQL HQ catches up before the screens read again. */
export async function afterWrite(hq: Hq): Promise<void> {
  await hq.replica?.refresh();
}

export async function hqStatus(folder: HqFolder): Promise<HqStatus> {
  // The app's screens on PostgreSQL read the replica, as every other screen does: they keep working while the server is down.
  const app = folder as Partial<Hq>;
  const hq: HqFolder = app.replica && app.db ? { ...folder, store: sqliteStore(app.db, folder.paths.dir) } : folder;
  return {
    dataDir: hq.paths.dir,
    recipient: hasHqKey(hq) ? await recipientOf(loadHqIdentity(hq)) : null,
    auditors: await hq.store.listAuditors(),
    held: await listHeld(hq),
    audits: await hq.store.audits(),
  };
}

/** Files as given; a folder stands for the .fsb files directly inside it. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new AppError('not_found', `There is no file or folder at ${abs}.`);
    }
    if (st.isDirectory()) out.push(...readdirSync(abs).filter((n) => n.endsWith('.fsb')).sort().map((n) => join(abs, n)));
    else out.push(abs);
  }
  if (!out.length) throw new AppError('not_found', 'No bundle files (.fsb) were found there.');
  return out;
}

export function importPaths(hq: HqFolder, paths: string[], opts: ImportOptions = {}): Promise<ImportResult[]> {
  return importBundles(hq, expandPaths(paths), opts);
}
