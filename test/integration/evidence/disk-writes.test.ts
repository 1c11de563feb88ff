// Photo bytes on a disk that takes fewer bytes than asked (short writes),
// lies about what it took, or is full: every byte is written or the upload
// fails; the hash of what is on disk is checked before the row is written;
// a full disk answers "disk full" and leaks neither a file handle nor a
// .part file. Through the contract, the way the renderer sends photos.
import { open } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedAudit, testCore, type TestCore } from '../core/helpers/core-fixture';
import { counts, fixture, photoTree, sha256, upload } from './helpers';
import { photoFile } from '../../../electron/core/bundle/export';

type Write = (this: FileHandle, buf: Uint8Array, off?: number, len?: number, pos?: number | null) => Promise<{ bytesWritten: number; buffer: Uint8Array }>;

let t: TestCore;
let auditId: string;
let proto: { write: Write };
const realWrite = async () => proto.write;

beforeEach(async () => {
  t = await testCore();
  auditId = (await seedAudit(t)).audit.id;
  const fh = await open(t.core.paths.database, 'r');
  proto = Object.getPrototypeOf(fh) as { write: Write };
  await fh.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

/** Replaces FileHandle#write (only the photo receiver writes through file handles during an upload). */
async function onPartWrites(fake: (real: Write, fh: FileHandle, buf: Uint8Array, off: number, len: number, pos: number | null) => ReturnType<Write>) {
  const real = await realWrite();
  vi.spyOn(proto, 'write').mockImplementation(function (this: FileHandle, buf, off, len, pos) {
    return fake(real, this, buf, off ?? 0, len ?? buf.length - (off ?? 0), pos ?? null);
  } as Write);
}

const openFds = () => readdirSync('/proc/self/fd').length;
const incoming = () => photoTree(t).filter((f) => f.startsWith('incoming/'));

describe('short writes', () => {
  it('loops until every byte is on disk: the stored original is exactly the photo sent', async () => {
    const bytes = fixture('orientation-Landscape_1.jpg');
    let calls = 0;
    await onPartWrites((real, fh, buf, off, len, pos) => {
      calls++;
      return real.call(fh, buf, off, Math.min(len, 64 * 1024), pos); // at most 64 KiB taken per call
    });
    const r = await upload(t, auditId, bytes, 'landscape.jpg');
    expect(calls).toBeGreaterThan(1);
    vi.restoreAllMocks();
    expect(r.photo.sha256).toBe(sha256(bytes));
    expect(sha256(readFileSync(photoFile(t.core, r.photo.sha256)!))).toBe(sha256(bytes));
    expect(incoming()).toEqual([]);
  });

  it('refuses a photo whose file on disk differs from the bytes received, and stores nothing', async () => {
    const bytes = fixture('orientation-Landscape_1.jpg');
    // A disk that says it took everything but kept only the first half.
    await onPartWrites(async (real, fh, buf, off, len, pos) => {
      await real.call(fh, buf, off, len >> 1, pos);
      return { bytesWritten: len, buffer: buf };
    });
    const before = counts(t);
    const env = await t.dispatch('evidence.upload.start', { auditId, name: 'half.jpg', size: bytes.length });
    if (!env.ok) throw new Error(env.error.message);
    const { uploadId } = env.value as { uploadId: string };
    await t.call('evidence.upload.chunk', { uploadId, offset: 0, data: bytes.toString('base64') });
    vi.restoreAllMocks();
    const fin = await t.dispatch('evidence.upload.finish', { uploadId, target: { kind: 'audit' }, caption: '' });
    expect(fin.ok).toBe(false);
    if (fin.ok) return;
    expect(fin.error.code).toBe('storage');
    expect(fin.error.message).toMatch(/not stored: the file written to disk .* is not the \d+ bytes received/);
    expect(counts(t)).toEqual(before);
    expect(photoTree(t)).toEqual([]);
  });
});

describe('a full disk', () => {
  it('answers "disk full" with what to do, closes the file handle and leaves no .part', async () => {
    const bytes = fixture('orientation-Landscape_1.jpg');
    await onPartWrites(async (real, fh, buf, off, len, pos) => {
      // 256 KiB fit, then the disk is full: a short write, then ENOSPC.
      if ((pos ?? 0) >= 256 * 1024) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      return real.call(fh, buf, off, Math.min(len, 256 * 1024 - (pos ?? 0)), pos);
    });
    const fds = openFds();
    for (let i = 0; i < 5; i++) {
      const s = await t.call('evidence.upload.start', { auditId, name: `p${i}.jpg`, size: bytes.length });
      const env = await t.dispatch('evidence.upload.chunk', { uploadId: s.uploadId, offset: 0, data: bytes.toString('base64') });
      expect(env.ok).toBe(false);
      if (env.ok) return;
      expect(env.error.code).toBe('storage');
      expect(env.error.message).toMatch(/disk is full, so the photo was not stored\. Free some space/);
    }
    expect(openFds()).toBe(fds);
    expect(incoming()).toEqual([]);
    expect(counts(t)).toEqual({ photos: 0, files: 0 });
  });
});
