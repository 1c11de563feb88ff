// Evidence tests: a core with an audit, photos sent the way the renderer
// sends them (chunked upload through the dispatch), and a look at the files.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, beforeEach } from 'vitest';
import { seedAudit, testCore, type TestCore } from '../core/helpers/core-fixture';
import type { PhotoTarget } from '../../../shared/domain/evidence';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/photos/', import.meta.url));
export const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export async function upload(t: TestCore, auditId: string, bytes: Buffer, name = 'photo.jpg', target: PhotoTarget = { kind: 'audit' }, caption = '') {
  const { uploadId, chunkBytes } = await t.call('evidence.upload.start', { auditId, name, size: bytes.length });
  for (let off = 0; off < bytes.length; off += chunkBytes) {
    await t.call('evidence.upload.chunk', { uploadId, offset: off, data: bytes.subarray(off, off + chunkBytes).toString('base64') });
  }
  return t.call('evidence.upload.finish', { uploadId, target, caption });
}

/** Every file under the data folder's photos/, with its size (empty folders ignored). */
export function photoTree(t: TestCore): string[] {
  const root = t.core.paths.photos;
  const out: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(`${relative(root, p)} ${statSync(p).size}`);
    }
  };
  walk(root);
  return out.sort();
}

export const counts = (t: TestCore) => t.core.db.prepare('SELECT (SELECT count(*) FROM photos) AS photos, (SELECT count(*) FROM photo_files) AS files').get() as { photos: number; files: number };

/** A JPEG of noise and gradients, like a camera frame, optionally with EXIF. */
export async function makeJpeg(width: number, height: number, opts: { seed?: number; exif?: Record<string, Record<string, string>> } = {}): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let s = (opts.seed ?? 1) >>> 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      s = (s * 1664525 + 1013904223) >>> 0;
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width + (s & 31);
      raw[i + 1] = (y * 255) / height + ((s >> 8) & 31);
      raw[i + 2] = (s >> 16) & 255;
    }
  }
  let img = sharp(raw, { raw: { width, height, channels: 3 } });
  if (opts.exif) img = img.withExif(opts.exif);
  return img.jpeg({ quality: 85 }).toBuffer();
}

/** A fresh core with a seeded audit for each test of the file. */
export function useAuditCore(): { t: TestCore; auditId: string } {
  const ctx = {} as { t: TestCore; auditId: string };
  beforeEach(async () => {
    ctx.t = await testCore();
    ctx.auditId = (await seedAudit(ctx.t)).audit.id;
  });
  afterEach(() => ctx.t.cleanup());
  return ctx;
}
