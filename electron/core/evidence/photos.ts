// Reading and changing photo records. Deleting is an event; a file goes
// only when no photo of any audit (nor any annotated copy) refers to it.
import type { Core } from '../core';
import type { Photo } from '../../../shared/domain/evidence';
import { editableAudit, getAudit, touchAudit } from '../store/repos/audits';
import { record } from '../store/repos/record';
import { nowIso } from '../store/clock';
import { isInFlight, removeFiles } from './files';
import { PHOTO_SELECT, photoFromRow } from './photo-rows';
import { write } from '../store/write';
import { refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

type Row = Record<string, unknown>;

export function listPhotos(core: Core, auditId: string): Photo[] {
  getAudit(core.db, auditId);
  return (core.db.prepare(`${PHOTO_SELECT} WHERE p.audit_id = ? ORDER BY p.created_at, p.id`).all(auditId) as Row[]).map(photoFromRow);
}

export function getPhoto(core: Core, id: string): Photo {
  const r = core.db.prepare(`${PHOTO_SELECT} WHERE p.id = ?`).get(id) as Row | undefined;
  if (!r) throw refusal('not_found', msg('photo.gone'));
  return photoFromRow(r);
}

export function updateCaption(core: Core, id: string, caption: string): Photo {
  return write(core, () => {
    const old = getPhoto(core, id);
    editableAudit(core.db, old.auditId);
    core.db.prepare('UPDATE photos SET caption = ?, updated_at = ? WHERE id = ?').run(caption, nowIso(), id);
    record(core, old.auditId, 'photo', id, 'caption', { caption: old.caption }, { caption });
    touchAudit(core.db, old.auditId);
    return getPhoto(core, id);
  });
}

const referenced = (core: Core, sha256: string): boolean =>
  !!core.db.prepare('SELECT 1 FROM photos WHERE sha256 = @sha OR annotated_sha256 = @sha LIMIT 1').get({ sha: sha256 });

/**
 * Forgets file rows nothing refers to any more (inside the caller's
 * transaction) and returns them, so their files can go after the commit.
 */
export function dropUnreferenced(core: Core, shas: Array<string | null>): Array<{ sha256: string; ext: string }> {
  const gone: Array<{ sha256: string; ext: string }> = [];
  for (const sha of new Set(shas.filter((s): s is string => !!s))) {
    if (referenced(core, sha)) continue;
    const f = core.db.prepare('SELECT ext FROM photo_files WHERE sha256 = ?').get(sha) as { ext: string } | undefined;
    if (!f) continue;
    core.db.prepare('DELETE FROM photo_files WHERE sha256 = ?').run(sha);
    gone.push({ sha256: sha, ext: f.ext });
  }
  return gone;
}

export async function removeDropped(core: Core, gone: Array<{ sha256: string; ext: string }>): Promise<void> {
  // A file being added again at this moment keeps its files; the sweep decides later.
  for (const g of gone) if (!isInFlight(core, g.sha256)) await removeFiles(core, g.sha256, g.ext);
}

export async function deletePhoto(core: Core, id: string): Promise<{ deleted: boolean; filesRemoved: number }> {
  const gone = write(core, () => {
    const old = getPhoto(core, id);
    editableAudit(core.db, old.auditId);
    core.db.prepare('DELETE FROM photos WHERE id = ?').run(id);
    record(core, old.auditId, 'photo', id, 'delete', { sha256: old.sha256, annotatedSha256: old.annotatedSha256, target: old.target, caption: old.caption }, null);
    touchAudit(core.db, old.auditId);
    return dropUnreferenced(core, [old.sha256, old.annotatedSha256]);
  });
  await removeDropped(core, gone);
  return { deleted: true, filesRemoved: gone.length };
}
