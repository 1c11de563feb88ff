// What happens to the picture: orientation applied, GPS kept in the original
// only, HEIC decoded, annotation drawn on a copy with the original untouched.
import { existsSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readExif } from '../../../electron/core/evidence/exif';
import { derivativePath, originalPath } from '../../../electron/core/evidence/layout';
import { listEvents } from '../../../electron/core/store/events';
import { counts, fixture, makeJpeg, sha256, upload, useAuditCore } from './helpers';

const ctx = useAuditCore();

const derivative = (sha: string, kind: 'thumb' | 'report') => derivativePath(ctx.t.core.paths.photos, sha, kind);

/** A small greyscale rendering, to compare two pictures regardless of size. */
async function signature(file: string): Promise<Buffer> {
  return sharp(file).resize(16, 12, { fit: 'fill' }).greyscale().raw().toBuffer();
}
const difference = (a: Buffer, b: Buffer) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;

describe('orientation', () => {
  it('turns every landscape fixture upright, the same picture whatever its EXIF orientation', async () => {
    const upright = (await upload(ctx.t, ctx.auditId, fixture('orientation-Landscape_1.jpg'))).photo;
    const reference = await signature(derivative(upright.sha256, 'report'));
    for (const name of ['orientation-Landscape_3.jpg', 'orientation-Landscape_6.jpg', 'orientation-Landscape_8.jpg']) {
      const { photo } = await upload(ctx.t, ctx.auditId, fixture(name), name);
      expect([photo.width, photo.height], name).toEqual([1800, 1200]);
      for (const kind of ['thumb', 'report'] as const) {
        const m = await sharp(derivative(photo.sha256, kind)).metadata();
        expect(m.width! > m.height!, `${name} ${kind} is landscape`).toBe(true);
        expect(m.orientation ?? 1).toBe(1);
      }
      // Upright, not merely landscape: the pixels match the orientation-1 picture.
      expect(difference(await signature(derivative(photo.sha256, 'report')), reference), name).toBeLessThan(6);
      expect(difference(await signature(derivative(photo.sha256, 'report')), reference.reverse())).toBeGreaterThan(10);
      reference.reverse();
    }
  });

  it('turns a portrait stored sideways upright', async () => {
    const { photo } = await upload(ctx.t, ctx.auditId, fixture('orientation-Portrait_6.jpg'));
    expect([photo.width, photo.height]).toEqual([1200, 1800]);
    const m = await sharp(derivative(photo.sha256, 'report')).metadata();
    expect([m.width, m.height]).toEqual([1067, 1600]);
  });
});

describe('GPS', () => {
  it('reads the position into the record and keeps it out of both derivatives', async () => {
    const original = fixture('gps-DSCN0010.jpg');
    expect(readExif((await sharp(original).metadata()).exif).gps).not.toBeNull();
    const { photo } = await upload(ctx.t, ctx.auditId, original);
    expect(photo.gps?.lat).toBeCloseTo(43.4674, 3);
    expect(photo.gps?.lon).toBeCloseTo(11.8851, 3);
    expect(readFileSync(originalPath(ctx.t.core.paths.photos, photo.sha256, 'jpg')).equals(original)).toBe(true);
    for (const kind of ['thumb', 'report'] as const) {
      const file = readFileSync(derivative(photo.sha256, kind));
      const m = await sharp(file).metadata();
      expect(m.exif, kind).toBeUndefined();
      expect(m.xmp, kind).toBeUndefined();
      expect(file.includes(Buffer.from('GPS')), kind).toBe(false);
      expect(file.includes(Buffer.from('Exif\0')), kind).toBe(false);
    }
  });

  it('leaves the reports setting off until the auditor turns it on', async () => {
    expect(await ctx.t.call('evidence.settings.get', {})).toEqual({ reportShowsGps: false, maxPhotoMB: 50 });
    expect(await ctx.t.call('evidence.settings.save', { reportShowsGps: true, maxPhotoMB: 20 })).toEqual({ reportShowsGps: true, maxPhotoMB: 20 });
    expect(await ctx.t.call('evidence.settings.get', {})).toEqual({ reportShowsGps: true, maxPhotoMB: 20 });
  });
});

describe('HEIC from phones', () => {
  it('decodes an HEVC-coded HEIF that sharp alone cannot, keeping the original', async () => {
    const heic = fixture('heif-samplefilehub.heif');
    await expect(sharp(heic).toBuffer()).rejects.toThrow(/HEVC/);
    const { photo } = await upload(ctx.t, ctx.auditId, heic, 'IMG_0001.HEIC');
    expect([photo.format, photo.width, photo.height]).toEqual(['heic', 640, 426]);
    expect(readFileSync(originalPath(ctx.t.core.paths.photos, photo.sha256, 'heic')).equals(heic)).toBe(true);
    const m = await sharp(derivative(photo.sha256, 'thumb')).stats();
    expect(m.channels[0]!.stdev).toBeGreaterThan(5); // a picture, not a blank
  });
});

describe('annotation', () => {
  it('draws on a copy linked to the photo; the original stays untouched', async () => {
    const bytes = await makeJpeg(800, 600, { seed: 21 });
    const { photo } = await upload(ctx.t, ctx.auditId, bytes);
    const shapes = [
      { type: 'rect', x: 0.1, y: 0.1, w: 0.3, h: 0.2, color: 'red' },
      { type: 'arrow', x1: 0.9, y1: 0.9, x2: 0.6, y2: 0.6, color: 'yellow' },
      { type: 'circle', cx: 0.5, cy: 0.5, r: 0.1, color: 'blue' },
      { type: 'text', x: 0.1, y: 0.8, text: 'Exit <blocked> & locked', color: 'white' },
    ] as const;
    const annotated = await ctx.t.call('evidence.annotate', { id: photo.id, shapes: [...shapes] });
    expect(annotated.annotatedSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(annotated.annotatedSha256).not.toBe(photo.sha256);
    expect(annotated.annotation).toEqual(shapes);
    expect(sha256(readFileSync(originalPath(ctx.t.core.paths.photos, photo.sha256, 'jpg')))).toBe(photo.sha256);
    const copy = originalPath(ctx.t.core.paths.photos, annotated.annotatedSha256!, 'jpg');
    expect(sha256(readFileSync(copy))).toBe(annotated.annotatedSha256);
    expect((await sharp(copy).metadata()).width).toBe(800);
    // The rectangle's top edge is red on the copy and not on the original.
    const px = async (file: string | Buffer) => (await sharp(file).extract({ left: 200, top: 60, width: 1, height: 1 }).raw().toBuffer());
    const [r, g, b] = await px(copy);
    expect(r! > 180 && g! < 90 && b! < 90).toBe(true);
    expect(existsSync(derivative(annotated.annotatedSha256!, 'thumb'))).toBe(true);
    const ev = listEvents(ctx.t.core.db, ctx.auditId).find((e) => e.action === 'annotate');
    expect(JSON.parse(ev!.new!)).toMatchObject({ annotatedSha256: annotated.annotatedSha256, sourceSha256: photo.sha256 });

    // Drawing again replaces the copy; the old copy's files go.
    const again = await ctx.t.call('evidence.annotate', { id: photo.id, shapes: [{ type: 'circle', cx: 0.2, cy: 0.2, r: 0.05 }] });
    expect(existsSync(copy)).toBe(false);
    expect(counts(ctx.t).files).toBe(2);
    const cleared = await ctx.t.call('evidence.annotate', { id: photo.id, shapes: [] });
    expect([cleared.annotatedSha256, cleared.annotation]).toEqual([null, null]);
    expect(existsSync(originalPath(ctx.t.core.paths.photos, again.annotatedSha256!, 'jpg'))).toBe(false);
    expect(counts(ctx.t)).toEqual({ photos: 1, files: 1 });
  });

  it('refuses shapes outside the picture', async () => {
    const { photo } = await upload(ctx.t, ctx.auditId, await makeJpeg(100, 100));
    const env = await ctx.t.dispatch('evidence.annotate', { id: photo.id, shapes: [{ type: 'rect', x: 0.5, y: 0.5, w: 2, h: 0.1 }] });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.fields?.[0]?.path).toBe('shapes[0].w');
  });
});
