// Photos sent from the renderer arrive in chunks (base64 inside the JSON of
// a call, within the transport's size cap), are hashed as they come, and
// are checked and stored when the last chunk is in. An upload left
// unfinished for long is dropped.
import type { Core } from '../core';
import { AppError } from '../../../shared/errors';
import { uuidv7 } from '../../../shared/ids';
import { addReceivedPhoto, type AddPhotoInput, type AddPhotoResult } from './ingest';
import { PartWriter, tooLargeText } from './receive';
import { maxPhotoBytes } from './settings';

import { PHOTO_CHUNK_BYTES as CHUNK_BYTES } from '../../../shared/contract/evidence-ops';
import { refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';
/** An upload with no chunk for this long is dropped (its file handle closed, its .part removed). */
export const IDLE_MS = 5 * 60_000;
/** Open uploads per core: each holds a file handle. The app sends one photo at a time. */
export const MAX_OPEN_UPLOADS = 16;
/** When every slot is taken, uploads idle this long give theirs up first. */
const IDLE_WHEN_FULL_MS = 30_000;

interface Upload {
  id: string;
  auditId: string;
  name: string;
  size: number;
  writer: PartWriter;
  touched: number;
  busy: Promise<unknown>;
}

/** A core's uploads (Core.uploads): the open ones, and how many are still creating their file. */
export interface Uploads {
  open: Map<string, Upload>;
  opening: number;
}

/** The core's uploads, made with the first one; closing the core closes their files and removes their .part files. */
function uploadsOf(core: Core): Uploads {
  if (!core.uploads) {
    const u: Uploads = { open: new Map(), opening: 0 };
    core.uploads = u;
    core.onClose(() => {
      for (const x of u.open.values()) void x.busy.then(() => x.writer.abort());
      u.open.clear();
    });
  }
  return core.uploads;
}

function expire(r: Map<string, Upload>, idleMs: number): void {
  const now = Date.now();
  for (const u of r.values()) {
    if (now - u.touched > idleMs) {
      r.delete(u.id);
      void u.busy.then(() => u.writer.abort());
    }
  }
}

function registry(core: Core): Map<string, Upload> {
  const open = uploadsOf(core).open;
  expire(open, IDLE_MS);
  return open;
}

export const activeParts = (core: Core): Set<string> => new Set([...(core.uploads?.open.values() ?? [])].map((u) => u.writer.path));

function getUpload(core: Core, id: string): Upload {
  const u = registry(core).get(id);
  if (!u) throw refusal('not_found', msg('upload.closed'));
  return u;
}

export async function startUpload(core: Core, input: { auditId: string; name: string; size: number }): Promise<{ uploadId: string; chunkBytes: number }> {
  const max = maxPhotoBytes(core);
  if (input.size === 0) throw refusal('rejected', msg('upload.empty', { name: input.name }));
  if (input.size > max) throw refusal('rejected', msg('upload.named', { name: input.name, reason: tooLargeText(max) }));
  const open = registry(core);
  // Uploads whose file is still being created count too, so concurrent starts cannot pass the cap.
  const taken = () => open.size + uploadsOf(core).opening;
  if (taken() >= MAX_OPEN_UPLOADS) expire(open, IDLE_WHEN_FULL_MS);
  if (taken() >= MAX_OPEN_UPLOADS) {
    throw refusal('not_ready', msg('upload.tooMany', { max: MAX_OPEN_UPLOADS, name: input.name }));
  }
  uploadsOf(core).opening++;
  let writer: PartWriter;
  try {
    writer = await PartWriter.create(core.paths.photos, max);
  } finally {
    uploadsOf(core).opening--;
  }
  const u: Upload = { id: uuidv7(), auditId: input.auditId, name: input.name, size: input.size, writer, touched: Date.now(), busy: Promise.resolve() };
  registry(core).set(u.id, u);
  return { uploadId: u.id, chunkBytes: CHUNK_BYTES };
}

export async function uploadChunk(core: Core, input: { uploadId: string; offset: number; data: string }): Promise<{ received: number }> {
  const u = getUpload(core, input.uploadId);
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length > CHUNK_BYTES) throw refusal('invalid_input', msg('upload.chunkTooLarge', { max: CHUNK_BYTES }));
  const run = u.busy.then(async () => {
    if (input.offset !== u.writer.received) throw refusal('conflict', msg('upload.outOfOrder', { offset: input.offset, expected: u.writer.received }));
    if (input.offset + bytes.length > u.size) throw refusal('invalid_input', msg('upload.moreThanAnnounced', { size: u.size, name: u.name }));
    u.touched = Date.now();
    try {
      await u.writer.write(bytes);
    } catch (err) {
      // The writer has closed its handle and removed the .part; the upload is over.
      registry(core).delete(u.id);
      await u.writer.abort();
      throw err;
    }
    return { received: u.writer.received };
  });
  u.busy = run.catch(() => undefined);
  return run;
}

export async function finishUpload(core: Core, input: { uploadId: string } & Omit<AddPhotoInput, 'auditId' | 'originalName'>): Promise<AddPhotoResult> {
  const u = getUpload(core, input.uploadId);
  await u.busy;
  registry(core).delete(u.id);
  if (u.writer.received !== u.size) {
    await u.writer.abort();
    throw refusal('rejected', msg('upload.incomplete', { name: u.name, received: u.writer.received, size: u.size }));
  }
  const received = u.writer.finish();
  try {
    return await addReceivedPhoto(core, received, { auditId: u.auditId, target: input.target, caption: input.caption, originalName: u.name });
  } catch (err) {
    if (err instanceof AppError && err.code === 'rejected') throw refusal('rejected', msg('upload.named', { name: u.name, reason: err.text ?? msg('core.asWritten', { text: err.message }) }));
    throw err;
  }
}

export async function cancelUpload(core: Core, uploadId: string): Promise<{ cancelled: boolean }> {
  const u = registry(core).get(uploadId);
  if (!u) return { cancelled: false };
  registry(core).delete(uploadId);
  await u.busy;
  await u.writer.abort();
  return { cancelled: true };
}
