// Adding a photo: received bytes (already hashed) → checked and decoded →
// derivatives → files in place → one transaction with the row and the
// capture event carrying the hash. Any refusal leaves nothing behind.
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Core } from '../core';
import type { Photo, PhotoTarget } from '../../../shared/domain/evidence';
import { editableAudit, touchAudit } from '../store/repos/audits';
import { record } from '../store/repos/record';
import { nowIso } from '../store/clock';
import { uuidv7 } from '../../../shared/ids';
import { refusal } from '../../../shared/core-messages';
import { damagedText, decodePhoto } from './decode';
import { makeDerivatives } from './derive';
import { filesComplete, markInFlight, putFiles } from './files';
import { PHOTO_SELECT, photoFromRow, resolveTarget } from './photo-rows';
import { checkOnDisk, photoDiskError, receiveStream, type Received } from './receive';
import { maxPhotoBytes } from './settings';
import { write } from '../store/write';

export interface AddPhotoInput {
  auditId: string;
  target: PhotoTarget;
  caption: string;
  originalName: string;
}

export interface AddPhotoResult {
  photo: Photo;
  /** The same picture was already attached here; nothing new was stored. */
  duplicate: boolean;
}

export interface IngestHooks {
  /** Runs after the files are in place and before the row is committed (crash tests). */
  afterFiles?: () => Promise<void> | void;
}

interface FileFacts {
  ext: string;
  format: string;
  width: number;
  height: number;
  takenAt: string | null;
  gps: { lat: number; lon: number; alt: number | null } | null;
}

function storedFacts(core: Core, sha256: string): FileFacts | null {
  const r = core.db.prepare('SELECT * FROM photo_files WHERE sha256 = ?').get(sha256) as Record<string, unknown> | undefined;
  if (!r) return null;
  return {
    ext: r.ext as string, format: r.format as string, width: r.width as number, height: r.height as number,
    takenAt: (r.taken_at ?? null) as string | null,
    gps: r.gps_lat == null || r.gps_lon == null ? null : { lat: r.gps_lat as number, lon: r.gps_lon as number, alt: (r.gps_alt ?? null) as number | null },
  };
}

async function prepareFiles(core: Core, received: Received): Promise<FileFacts> {
  const known = storedFacts(core, received.sha256);
  if (known && (await filesComplete(core, received.sha256, known.ext))) return known;
  // The file is flushed and read back (is it exactly the bytes hashed on
  // arrival?) while the picture decodes. When both fail, the disk is the cause.
  const onDisk = received.flushed.then(() => checkOnDisk(received));
  onDisk.catch(() => undefined);
  let decoded;
  let derivatives;
  try {
    decoded = await decodePhoto(received.path, received.bytes);
    try {
      derivatives = await makeDerivatives(decoded.pipeline);
    } catch (err) {
      throw refusal('rejected', damagedText(decoded.format, err));
    }
  } catch (err) {
    await onDisk;
    throw err;
  }
  await onDisk;
  await putFiles(core, received.sha256, decoded.ext, received.path, derivatives);
  return { ext: decoded.ext, format: decoded.format, width: decoded.width, height: decoded.height, takenAt: decoded.exif.takenAt, gps: decoded.exif.gps };
}

export async function addReceivedPhoto(core: Core, received: Received, input: AddPhotoInput, hooks: IngestHooks = {}): Promise<AddPhotoResult> {
  const release = markInFlight(core, received.sha256);
  try {
    const audit = editableAudit(core.db, input.auditId);
    const target = resolveTarget(core, audit, input.target);
    if (received.bytes === 0) await decodePhoto(received.path, 0);
    const facts = await prepareFiles(core, received);
    await hooks.afterFiles?.();
    return write(core, (): AddPhotoResult => {
      editableAudit(core.db, input.auditId);
      const now = nowIso();
      core.db.prepare(`INSERT INTO photo_files (sha256, ext, format, bytes, width, height, taken_at, gps_lat, gps_lon, gps_alt, source_sha256, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?) ON CONFLICT (sha256) DO NOTHING`)
        .run(received.sha256, facts.ext, facts.format, received.bytes, facts.width, facts.height, facts.takenAt, facts.gps?.lat ?? null, facts.gps?.lon ?? null, facts.gps?.alt ?? null, now);
      const same = core.db.prepare(`${PHOTO_SELECT} WHERE p.audit_id = ? AND p.sha256 = ? AND p.scope = ? AND p.ref = ?
        AND p.finding_id IS ? AND p.document_id IS ?`).get(input.auditId, received.sha256, target.scope, target.ref, target.findingId, target.documentId) as Record<string, unknown> | undefined;
      if (same) return { photo: photoFromRow(same), duplicate: true };
      const id = uuidv7();
      core.db.prepare(`INSERT INTO photos (id, audit_id, sha256, scope, ref, caption, captured_at, created_at, finding_id, document_id, capture_source, original_name, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, input.auditId, received.sha256, target.scope, target.ref, input.caption,
        facts.takenAt ?? now, now, target.findingId, target.documentId, facts.takenAt ? 'exif' : 'added', input.originalName, now);
      const photo = photoFromRow(core.db.prepare(`${PHOTO_SELECT} WHERE p.id = ?`).get(id) as Record<string, unknown>);
      record(core, input.auditId, 'photo', id, 'capture', null, {
        sha256: photo.sha256, bytes: photo.bytes, format: photo.format, originalName: photo.originalName,
        target: photo.target, caption: photo.caption, capturedAt: photo.capturedAt, captureSource: photo.captureSource,
      });
      touchAudit(core.db, input.auditId);
      return { photo, duplicate: false };
    });
  } catch (err) {
    throw photoDiskError(err);
  } finally {
    release();
    await received.flushed.catch(() => undefined);
    await rm(received.path, { force: true });
  }
}

/** Adds a photo from a file on disk (command line, tests, benchmark). */
export async function addPhotoFromFile(core: Core, file: string, input: AddPhotoInput, hooks?: IngestHooks): Promise<AddPhotoResult> {
  const received = await receiveStream(core.paths.photos, createReadStream(file, { highWaterMark: 1024 * 1024 }), maxPhotoBytes(core));
  return addReceivedPhoto(core, received, input, hooks);
}
