// Closure evidence files at HQ: the photos and documents a site sent (or the
// auditor took on site) to show a corrective action was closed. They arrive
// beside the action chain's evidence records, content-addressed
// (`closure/<sha256>` in the bundle), are verified by hash with every other
// entry, and are kept in HQ's folder as `closure/<2 hex>/<sha256>`, never
// changing. A record whose file the bundle does not carry must name one HQ
// already holds; otherwise the bundle is refused before anything is written.
import { existsSync, statSync } from 'node:fs';
import { reject } from '../bundle/rejection';
import { msg } from '../../../shared/messages';
import { evidenceFilesOf } from '../bundle/action-docs';
import { closurePath } from '../bundle/entry-names';
import type { VerifiedBundle } from '../bundle/verify';
import type { HqFolder } from './context';
import { hqClosureFile, hqPhotoFile } from './store-files';

/**
 * Where HQ keeps these bytes, or null. The laptop leaves out a file any
 * acknowledged bundle carried, so evidence with the very bytes of a photo
 * already sent is found in the photo store (content-addressed: the same bytes).
 */
export function heldClosureFile(hq: Pick<HqFolder, 'paths'>, sha256: string): string | null {
  for (const f of [hqClosureFile(hq, sha256), hqPhotoFile(hq, sha256)]) if (existsSync(f)) return f;
  return null;
}

/** Before anything is written: every evidence record the bundle carries has its file, in the bundle or at HQ, of the size it says. */
export function checkEvidenceFiles(hq: Pick<HqFolder, 'paths'>, v: Pick<VerifiedBundle, 'manifest' | 'actionChains'>): void {
  const carried = new Map(v.manifest.files.map((f) => [f.path, f.size]));
  for (const c of v.actionChains) {
    for (const f of evidenceFilesOf(c)) {
      const inBundle = carried.get(closurePath(f.sha256));
      if (inBundle !== undefined) continue; // its size was checked against the record when the bundle was verified
      const held = heldClosureFile(hq, f.sha256);
      if (!held) {
        reject('missing_file', msg('hqCheck.closureFileMissing', { audit: c.auditId, file: f.sha256.slice(0, 12) }));
      }
      if (statSync(held!).size !== f.size) reject('bad_content', msg('hqCheck.closureFileSize', { audit: c.auditId, file: f.sha256.slice(0, 12) }));
    }
  }
}
