// Counting a JPEG's scans from its markers: the same count whatever the size
// of the pieces the file is read in (a piece of 1–17 bytes puts every marker,
// stuffed 0xFF00 and segment length on a piece's edge somewhere), for a
// baseline photo, a progressive one, a noisy one full of stuffed bytes, one
// with an EXIF thumbnail (its markers skipped) and a hostile one of 883 scans.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { countJpegScans } from '../../../electron/core/evidence/jpeg-scans';
import { manyScanJpeg } from './hostile-jpeg';

const dir = mkdtempSync(join(tmpdir(), 'fs-jpeg-scans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function noise(w: number, h: number): Buffer {
  const raw = Buffer.alloc(w * h * 3);
  let s = 7;
  for (let i = 0; i < raw.length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    raw[i] = s >>> 24;
  }
  return raw;
}

async function file(name: string, bytes: Buffer | Promise<Buffer>): Promise<string> {
  const p = join(dir, name);
  writeFileSync(p, await bytes);
  return p;
}

describe('countJpegScans', () => {
  it('counts the same scans whatever the size of the pieces it reads', async () => {
    const raw = noise(64, 48);
    const img = () => sharp(raw, { raw: { width: 64, height: 48, channels: 3 } });
    const cases: Array<[string, number]> = [
      [await file('baseline.jpg', img().jpeg({ quality: 95 }).toBuffer()), 1],
      [await file('progressive.jpg', img().jpeg({ quality: 95, progressive: true }).toBuffer()), 10],
      [await file('exif.jpg', img().withExif({ IFD0: { Make: 'Test\u00ff\u00da' } }).jpeg({ quality: 95 }).toBuffer()), 1],
      [await file('many.jpg', Promise.resolve(manyScanJpeg(1024).bytes)), 883],
    ];
    // The noisy pictures hold stuffed 0xFF00 bytes in their entropy data.
    expect((await sharp(cases[0]![0]).toBuffer()).includes(Buffer.from([0xff, 0x00]))).toBe(true);
    for (const [path, scans] of cases) {
      expect(await countJpegScans(path, 10_000), path).toBe(scans);
      for (let chunk = 1; chunk <= 17; chunk++) expect(await countJpegScans(path, 10_000, chunk), `${path} in pieces of ${chunk}`).toBe(scans);
    }
  });

  it('stops counting at the limit it was given', async () => {
    const path = await file('many-limit.jpg', Promise.resolve(manyScanJpeg(1024).bytes));
    expect(await countJpegScans(path)).toBe(101);
    expect(await countJpegScans(path, 5, 3)).toBe(5);
  });

  it('reads a file cut short, or not a JPEG after its first bytes, without failing', async () => {
    const whole = await sharp(noise(32, 32), { raw: { width: 32, height: 32, channels: 3 } }).jpeg().toBuffer();
    expect(await countJpegScans(await file('cut.jpg', Promise.resolve(whole.subarray(0, whole.length >> 1))))).toBe(1);
    expect(await countJpegScans(await file('junk.jpg', Promise.resolve(Buffer.from([0xff, 0xd8, 1, 2, 3]))))).toBe(0);
  });
});
