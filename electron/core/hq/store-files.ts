// HQ's content-addressed stores for photos and signed PDFs. Files arrive by
// rename from the staging folder; one already there is the same bytes.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifiedBundle } from '../bundle/verify';
import { stagingPathOf } from '../bundle/zip-reader';
import type { HqFolder } from './context';

export const hqPhotoFile = (hq: HqFolder, sha256: string): string => join(hq.paths.photos, sha256.slice(0, 2), sha256);
export const hqReportFile = (hq: HqFolder, sha256: string): string => join(hq.paths.reports, `${sha256}.pdf`);

export function storeFiles(hq: HqFolder, v: VerifiedBundle): void {
  if (!v.filesDir) throw new Error('bundle files were not extracted');
  for (const f of v.manifest.files) {
    const isPhoto = f.path.startsWith('photos/');
    if (!isPhoto && !f.path.startsWith('reports/')) continue;
    const dest = isPhoto ? hqPhotoFile(hq, f.sha256) : hqReportFile(hq, f.sha256);
    const src = stagingPathOf(v.filesDir, f.path);
    if (existsSync(dest)) {
      rmSync(src, { force: true });
      continue;
    }
    mkdirSync(join(dest, '..'), { recursive: true });
    renameSync(src, dest);
  }
}
