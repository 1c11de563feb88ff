// HQ's content-addressed stores for photos, signed PDFs and closure evidence
// files (closure-files.ts). Files arrive by rename from the staging folder;
// one already there is the same bytes.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifiedBundle } from '../bundle/verify';
import { stagingPathOf } from '../bundle/zip-reader';
import type { HqFolder } from './context';
import { kindOf } from '../bundle/entry-names';

export const hqPhotoFile = (hq: Pick<HqFolder, 'paths'>, sha256: string): string => join(hq.paths.photos, sha256.slice(0, 2), sha256);
/** Closure evidence files, laid out as photos are: `closure/<2 hex>/<sha256>`. */
export const hqClosureFile = (hq: Pick<HqFolder, 'paths'>, sha256: string): string => join(hq.paths.dir, 'closure', sha256.slice(0, 2), sha256);
export const hqReportFile = (hq: HqFolder, sha256: string): string => join(hq.paths.reports, `${sha256}.pdf`);

export function storeFiles(hq: HqFolder, v: VerifiedBundle): void {
  if (!v.filesDir) throw new Error('bundle files were not extracted');
  for (const f of v.manifest.files) {
    const kind = kindOf(f.path);
    if (kind !== 'photo' && kind !== 'report' && kind !== 'closure') continue;
    const dest = kind === 'photo' ? hqPhotoFile(hq, f.sha256) : kind === 'report' ? hqReportFile(hq, f.sha256) : hqClosureFile(hq, f.sha256);
    const src = stagingPathOf(v.filesDir, f.path);
    if (existsSync(dest)) {
      rmSync(src, { force: true });
      continue;
    }
    mkdirSync(join(dest, '..'), { recursive: true });
    renameSync(src, dest);
  }
}
