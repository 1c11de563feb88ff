// Photos sent from the renderer arrive in chunks (base64 inside the JSON of
// a call, within the transport's size cap), are hashed as they come, and
// are checked and stored when the last chunk is in. An upload left
// unfinished for long is dropped.
import type { Core } from '../core';
import { AppError } from '../../../shared/errors';
import { uuidv7 } from '../../../shared/ids';
import { addReceivedPhoto, type AddPhotoInput, type AddPhotoResult } from './ingest';
import { PartWriter, tooLargeMessage } from './receive';
import { maxPhotoBytes } from './settings';

import { PHOTO_CHUNK_BYTES as CHUNK_BYTES } from '../../../shared/contract/evidence-ops';
const IDLE_MS = 15 * 60_000;

interface Upload {
  id: string;
  auditId: string;
  name: string;
  size: number;
  writer: PartWriter;
  touched: number;
  busy: Promise<unknown>;
}

const registries = new WeakMap<Core, Map<string, Upload>>();

function registry(core: Core): Map<string, Upload> {
  let r = registries.get(core);
  if (!r) registries.set(core, (r = new Map()));
  const now = Date.now();
  for (const u of r.values()) {
    if (now - u.touched > IDLE_MS) {
      r.delete(u.id);
      void u.writer.abort();
    }
  }
  return r;
}

export const activeParts = (core: Core): Set<string> => new Set([...(registries.get(core)?.values() ?? [])].map((u) => u.writer.path));

function getUpload(core: Core, id: string): Upload {
  const u = registry(core).get(id);
  if (!u) throw new AppError('not_found', 'This upload is no longer open (it finished, was cancelled, or waited too long). Add the photo again.');
  return u;
}

export async function startUpload(core: Core, input: { auditId: string; name: string; size: number }): Promise<{ uploadId: string; chunkBytes: number }> {
  const max = maxPhotoBytes(core);
  if (input.size === 0) throw new AppError('rejected', `"${input.name}" is empty (0 bytes): nothing was stored. Copy it from the camera or phone again.`);
  if (input.size > max) throw new AppError('rejected', `"${input.name}": ${tooLargeMessage(max)}`);
  const writer = await PartWriter.create(core.paths.photos, max);
  const u: Upload = { id: uuidv7(), auditId: input.auditId, name: input.name, size: input.size, writer, touched: Date.now(), busy: Promise.resolve() };
  registry(core).set(u.id, u);
  return { uploadId: u.id, chunkBytes: CHUNK_BYTES };
}

export async function uploadChunk(core: Core, input: { uploadId: string; offset: number; data: string }): Promise<{ received: number }> {
  const u = getUpload(core, input.uploadId);
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length > CHUNK_BYTES) throw new AppError('invalid_input', `A chunk may hold at most ${CHUNK_BYTES} bytes.`);
  const run = u.busy.then(async () => {
    if (input.offset !== u.writer.received) throw new AppError('conflict', `Chunk at byte ${input.offset} arrived out of order (expected byte ${u.writer.received}).`);
    if (input.offset + bytes.length > u.size) throw new AppError('invalid_input', `More bytes arrived than the ${u.size} announced for "${u.name}".`);
    u.touched = Date.now();
    try {
      await u.writer.write(bytes);
    } catch (err) {
      registry(core).delete(u.id);
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
    throw new AppError('rejected', `"${u.name}" arrived incomplete (${u.writer.received} of ${u.size} bytes): nothing was stored. Add it again.`);
  }
  const received = u.writer.finish();
  try {
    return await addReceivedPhoto(core, received, { auditId: u.auditId, target: input.target, caption: input.caption, originalName: u.name });
  } catch (err) {
    if (err instanceof AppError && err.code === 'rejected') throw new AppError('rejected', `"${u.name}": ${err.message}`);
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
