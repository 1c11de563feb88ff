// Annotating draws on a copy: the upright original with the shapes laid
// over it becomes a new content-addressed JPEG linked to the photo. The
// original file is only read. Annotating again replaces the copy; an empty
// list of shapes removes it.
import { sha256Hex } from '../sha256';
import type { Core } from '../core';
import type { Photo, Shape } from '../../../shared/domain/evidence';
import { editableAudit, touchAudit } from '../store/repos/audits';
import { record } from '../store/repos/record';
import { nowIso } from '../store/clock';
import { canonicalJson } from '../../../shared/canonical-json';
import { decodePhoto } from './decode';
import { makeDerivatives } from './derive';
import { markInFlight, putFiles } from './files';
import { originalPath } from './layout';
import { writeFileAtomic } from './atomic';
import { overlaySvg } from './overlay';
import { dropUnreferenced, getPhoto, removeDropped } from './photos';
import { write } from '../store/write';
import { refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

async function renderCopy(core: Core, photo: Photo, shapes: Shape[]): Promise<{ sha256: string; jpeg: Buffer; width: number; height: number }> {
  const ext = (core.db.prepare('SELECT ext FROM photo_files WHERE sha256 = ?').get(photo.sha256) as { ext: string }).ext;
  const src = originalPath(core.paths.photos, photo.sha256, ext);
  let decoded;
  try {
    decoded = await decodePhoto(src, photo.bytes);
  } catch {
    throw refusal('storage', msg('photo.originalUnreadable'));
  }
  const svg = Buffer.from(overlaySvg(shapes, decoded.width, decoded.height));
  const jpeg = await decoded.pipeline().composite([{ input: svg, top: 0, left: 0 }]).jpeg({ quality: 90 }).toBuffer();
  return { sha256: sha256Hex(jpeg), jpeg, width: decoded.width, height: decoded.height };
}

export async function annotatePhoto(core: Core, id: string, shapes: Shape[]): Promise<Photo> {
  const photo = getPhoto(core, id);
  editableAudit(core.db, photo.auditId);
  const copy = shapes.length ? await renderCopy(core, photo, shapes) : null;
  const release = copy ? markInFlight(core, copy.sha256) : () => undefined;
  try {
    if (copy) {
      const orig = originalPath(core.paths.photos, copy.sha256, 'jpg');
      await writeFileAtomic(orig, copy.jpeg);
      const { default: sharp } = await import('sharp');
      await putFiles(core, copy.sha256, 'jpg', null, await makeDerivatives(() => sharp(copy.jpeg)));
    }
    const gone = write(core, () => {
      const old = getPhoto(core, id);
      editableAudit(core.db, old.auditId);
      const now = nowIso();
      if (copy) {
        core.db.prepare(`INSERT INTO photo_files (sha256, ext, format, bytes, width, height, taken_at, gps_lat, gps_lon, gps_alt, source_sha256, created_at)
          VALUES (?, 'jpg', 'jpeg', ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?) ON CONFLICT (sha256) DO NOTHING`)
          .run(copy.sha256, copy.jpeg.length, copy.width, copy.height, old.sha256, now);
      }
      core.db.prepare('UPDATE photos SET annotated_sha256 = ?, annotation = ?, updated_at = ? WHERE id = ?')
        .run(copy?.sha256 ?? null, copy ? canonicalJson(shapes) : null, now, id);
      record(core, old.auditId, 'photo', id, 'annotate', { annotatedSha256: old.annotatedSha256, annotation: old.annotation },
        { annotatedSha256: copy?.sha256 ?? null, annotation: copy ? shapes : null, sourceSha256: old.sha256 });
      touchAudit(core.db, old.auditId);
      return old.annotatedSha256 !== (copy?.sha256 ?? null) ? dropUnreferenced(core, [old.annotatedSha256]) : [];
    });
    await removeDropped(core, gone);
    return getPhoto(core, id);
  } finally {
    release();
  }
}
