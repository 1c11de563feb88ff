// Every kind of bad file gets its own clear message, and nothing is stored:
// the database and the photo folder are exactly as before.
import { beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { crc32, deflateSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { counts, fixture, makeJpeg, photoTree, upload, useAuditCore } from './helpers';

const ctx = useAuditCore();
beforeEach(async () => {
  await upload(ctx.t, ctx.auditId, await makeJpeg(200, 150), 'good.jpg');
});

async function refused(bytes: Buffer, name: string): Promise<string> {
  const before = { tree: photoTree(ctx.t), counts: counts(ctx.t), events: ctx.t.core.db.prepare('SELECT count(*) AS n FROM events').get() };
  const e = await upload(ctx.t, ctx.auditId, bytes, name).then(() => null, (x: unknown) => x);
  expect(e, name).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe('rejected');
  expect(photoTree(ctx.t), `${name}: folder unchanged`).toEqual(before.tree);
  expect(counts(ctx.t), `${name}: database unchanged`).toEqual(before.counts);
  expect(ctx.t.core.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual(before.events);
  return (e as AppError).message;
}

describe('bad files', () => {
  it('refuses a file that is not an image, naming what it is', async () => {
    expect(await refused(Buffer.from('Payroll: 12 workers, October\n'), 'notes.jpg'))
      .toBe('"notes.jpg": This file is a text file, not a photo: nothing was stored. Add JPEG, PNG, WebP, TIFF or HEIC pictures.');
    expect(await refused(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'scan.jpg'))
      .toBe('"scan.jpg": This file is a PDF document, not a photo: nothing was stored. Add JPEG, PNG, WebP, TIFF or HEIC pictures.');
    expect(await refused(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(64)]), 'clip.mov'))
      .toMatch(/^"clip\.mov": This file is a video \(MP4 or MOV\), not a photo/);
    expect(await refused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'), 'x.svg'))
      .toMatch(/an SVG drawing, not a photo/);
    expect(await refused(Buffer.from([0x13, 0x37, 0x00, 0x01, 0xfe, 0x02, 0x00, 0x00, 0x09]), 'blob.bin'))
      .toBe('"blob.bin": This file is not an image Fairsite can read: nothing was stored. Add JPEG, PNG, WebP, TIFF or HEIC pictures.');
  });

  it('refuses a corrupt JPEG, whether its header or its pixels are broken', async () => {
    const good = fixture('orientation-Landscape_1.jpg');
    expect(await refused(good.subarray(0, good.length >> 1), 'half.jpg'))
      .toMatch(/^"half\.jpg": This JPEG file is damaged and cannot be decoded \(.*premature end.*\): nothing was stored\. Copy it from the camera or phone again\.$/i);
    expect(await refused(good.subarray(0, 6), 'header.jpg'))
      .toMatch(/^"header\.jpg": This JPEG file is damaged and cannot be read \(.*\): nothing was stored\./);
  });

  it('refuses an empty file before receiving anything', async () => {
    expect(await refused(Buffer.alloc(0), 'empty.jpg')).toBe('"empty.jpg" is empty (0 bytes): nothing was stored. Copy it from the camera or phone again.');
  });

  it('refuses a photo over the size limit, announced or not', async () => {
    await ctx.t.call('evidence.settings.save', { reportShowsGps: false, maxPhotoMB: 1 });
    const big = await makeJpeg(2000, 1500, { seed: 4 });
    expect(big.length).toBeGreaterThan(1024 * 1024);
    expect(await refused(big, 'big.jpg'))
      .toBe('"big.jpg": This photo is larger than the limit of 1 MB: nothing was stored. Send a smaller copy from the camera or phone, or raise the limit in Settings.');
    // A sender that announces less than it sends is cut off at the limit as well.
    const before = photoTree(ctx.t);
    const { uploadId } = await ctx.t.call('evidence.upload.start', { auditId: ctx.auditId, name: 'liar.jpg', size: 1000 });
    const e = await ctx.t.call('evidence.upload.chunk', { uploadId, offset: 0, data: big.subarray(0, 2000).toString('base64') }).then(() => null, (x: unknown) => x as AppError);
    expect(e?.message).toBe('More bytes arrived than the 1000 announced for "liar.jpg".');
    await ctx.t.call('evidence.upload.cancel', { uploadId });
    expect(photoTree(ctx.t)).toEqual(before);
  });

  it('refuses a picture format it does not take, saying which', async () => {
    const bmp = Buffer.alloc(70);
    bmp.write('BM', 0);
    expect(await refused(bmp, 'old.bmp')).toBe('"old.bmp": BMP pictures cannot be read: nothing was stored. Save the picture as JPEG or PNG and add it again.');
    const heifHeaderOnly = fixture('heif-samplefilehub.heif').subarray(0, 2000);
    expect(await refused(heifHeaderOnly, 'cut.heic')).toMatch(/^"cut\.heic": This (HEIF file is damaged and cannot be read|HEIC photo could not be decoded)/);
  });

  it('refuses a picture with more pixels than it reads, before decoding it', async () => {
    // A PNG header claiming 20000 × 20000 pixels: the size is known from the header alone.
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const out = Buffer.alloc(8 + data.length + 4);
      out.writeUInt32BE(data.length, 0);
      body.copy(out, 4);
      out.writeUInt32BE(crc32(body), 8 + data.length);
      return out;
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(20000, 0);
    ihdr.writeUInt32BE(20000, 4);
    ihdr.set([8, 0, 0, 0, 0], 8);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
    expect(await refused(png, 'huge.png')).toBe('"huge.png": This picture has 400 megapixels, more than the 268 Fairsite reads: nothing was stored. Save a smaller copy and add it again.');
  });

  it('accepts PNG and WebP as they are', async () => {
    const png = await sharp(await makeJpeg(300, 200, { seed: 8 })).png().toBuffer();
    expect((await upload(ctx.t, ctx.auditId, png, 'shot.png')).photo.format).toBe('png');
    const webp = await sharp(await makeJpeg(300, 200, { seed: 9 })).webp().toBuffer();
    expect((await upload(ctx.t, ctx.auditId, webp, 'shot.webp')).photo.format).toBe('webp');
  });
});
