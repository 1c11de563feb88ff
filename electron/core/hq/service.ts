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

/** The app's HQ lives in DATA/hq, with its own database; opened on first use and closed with the core. */
export function hqFor(core: Core): Promise<Hq> {
  core.hq ??= openHq(join(core.dataDir, 'hq'), core.secretBox).then((hq) => {
    core.onClose(() => hq.close());
    return hq;
  });
  return core.hq;
}

export async function hqStatus(hq: HqFolder): Promise<HqStatus> {
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
