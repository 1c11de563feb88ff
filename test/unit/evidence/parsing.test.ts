// The small parsers of evidence: file sniffing, EXIF facts, store names,
// the annotation overlay, note formatting and shapes from a drag.
import { describe, expect, it } from 'vitest';
import { sniff } from '../../../electron/core/evidence/sniff';
import { readExif } from '../../../electron/core/evidence/exif';
import { parseStoredName } from '../../../electron/core/evidence/layout';
import { overlaySvg } from '../../../electron/core/evidence/overlay';
import { blocksOf } from '../../../renderer/src/evidence/FormattedText';
import { shapeFromDrag } from '../../../renderer/src/evidence/shapes';
import { captureText } from '../../../renderer/src/evidence/files';

const b = (...xs: Array<number | string>) => Buffer.concat(xs.map((x) => (typeof x === 'string' ? Buffer.from(x, 'latin1') : Buffer.from([x]))));

describe('sniff', () => {
  it('names images and the usual wrong files', () => {
    expect(sniff(b(0xff, 0xd8, 0xff, 0xe0))).toEqual({ kind: 'image', format: 'jpeg' });
    expect(sniff(b(0x89, 'PNG\r\n'))).toEqual({ kind: 'image', format: 'png' });
    expect(sniff(b('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toEqual({ kind: 'image', format: 'webp' });
    expect(sniff(b(0, 0, 0, 0x18, 'ftypheic'))).toEqual({ kind: 'image', format: 'heif' });
    expect(sniff(b(0, 0, 0, 0x18, 'ftypavif'))).toEqual({ kind: 'image', format: 'avif' });
    expect(sniff(b(0, 0, 0, 0x18, 'ftypisom'))).toEqual({ kind: 'other', label: 'a video (MP4 or MOV)' });
    expect(sniff(b('%PDF-1.4'))).toEqual({ kind: 'other', label: 'a PDF document' });
    expect(sniff(b('PK', 3, 4))).toEqual({ kind: 'other', label: 'a ZIP archive or Office document' });
    expect(sniff(b('  <svg viewBox="0 0 1 1">'))).toEqual({ kind: 'other', label: 'an SVG drawing' });
    expect(sniff(b('hello\nworld'))).toEqual({ kind: 'other', label: 'a text file' });
    expect(sniff(b(1, 2, 3, 0, 0))).toEqual({ kind: 'unknown' });
  });
});

describe('EXIF facts', () => {
  it('survives garbage and an absent block', () => {
    expect(readExif(undefined)).toEqual({ takenAt: null, gps: null });
    expect(readExif(Buffer.from('Exif\0\0garbage-not-tiff'))).toEqual({ takenAt: null, gps: null });
  });
});

describe('store names', () => {
  const sha = 'ab'.repeat(32);
  it('parses originals and derivatives, and nothing else', () => {
    expect(parseStoredName(`${sha}.jpg`)).toEqual({ sha256: sha, derivative: null });
    expect(parseStoredName(`${sha}.heic`)).toEqual({ sha256: sha, derivative: null });
    expect(parseStoredName(`${sha}.thumb.jpg`)).toEqual({ sha256: sha, derivative: 'thumb' });
    expect(parseStoredName(`${sha}.report.jpg`)).toEqual({ sha256: sha, derivative: 'report' });
    expect(parseStoredName(`.${sha}.jpg.a1b2c3.tmp`)).toBeNull();
    expect(parseStoredName(`${sha.slice(1)}.jpg`)).toBeNull();
    expect(parseStoredName('notes.txt')).toBeNull();
  });
});

describe('annotation overlay', () => {
  it('scales to the picture and escapes text', () => {
    const svg = overlaySvg([{ type: 'rect', x: 0.5, y: 0.25, w: 0.25, h: 0.5, color: 'red' }, { type: 'text', x: 0, y: 1, text: '<script>&"\'', color: 'black' }], 2000, 1000);
    expect(svg).toContain('width="2000" height="1000"');
    expect(svg).toContain('<rect x="1000" y="250" width="500" height="500"');
    expect(svg).toContain('&#60;script&#62;&#38;&#34;&#39;');
    expect(svg).not.toContain('<script>');
  });
});

describe('note formatting', () => {
  it('turns lines into paragraphs and lists', () => {
    expect(blocksOf('First line\nsecond line\n\n- one\n- two\n1. a\n2) b\n\n\nLast')).toEqual([
      { kind: 'p', lines: ['First line', 'second line'] },
      { kind: 'ul', items: ['one', 'two'] },
      { kind: 'ol', items: ['a', 'b'] },
      { kind: 'p', lines: ['Last'] },
    ]);
  });
});

describe('shapes from a drag', () => {
  it('normalises rectangles, clamps to the picture, and ignores clicks without a drag', () => {
    expect(shapeFromDrag('rect', 'red', 0.6, 0.8, 0.2, 1.4, 1.5, '')).toEqual({ type: 'rect', x: 0.2, y: 0.8, w: 0.39999999999999997, h: 0.19999999999999996, color: 'red' });
    expect(shapeFromDrag('arrow', 'red', 0.5, 0.5, 0.5, 0.5, 1, '')).toBeNull();
    expect(shapeFromDrag('text', 'white', 0.1, 0.1, 0.1, 0.1, 1, '  ')).toBeNull();
    expect(shapeFromDrag('text', 'white', 0.1, 0.1, 0.3, 0.4, 1, ' Exit ')).toEqual({ type: 'text', x: 0.3, y: 0.4, text: 'Exit', color: 'white' });
    const c = shapeFromDrag('circle', 'blue', 0.5, 0.5, 0.8, 0.5, 2, '');
    expect(c).toMatchObject({ type: 'circle', cx: 0.5, cy: 0.5 });
    expect((c as { r: number }).r).toBeCloseTo(0.3, 5);
  });
});

describe('capture time as shown', () => {
  it("keeps the camera's clock as recorded when it has no offset; a time with one is shown in the site's zone, named (UTC without a zone)", () => {
    expect(captureText({ capturedAt: '2008-05-30T15:56:01', captureSource: 'exif' }, 'Asia/Manila')).toBe('May 30, 2008, 3:56 PM');
    expect(captureText({ capturedAt: '2026-11-29T09:15:00+08:00', captureSource: 'exif' }, 'Asia/Manila')).toBe('Nov 29, 2026, 9:15 AM (Asia/Manila time)');
    expect(captureText({ capturedAt: '2026-11-29T09:15:00+08:00', captureSource: 'exif' })).toBe('Nov 29, 2026, 1:15 AM (UTC time)');
    expect(captureText({ capturedAt: '2026-11-29T09:15:00.000Z', captureSource: 'added' }, 'Asia/Manila')).toBe('Added Nov 29, 2026, 5:15 PM (Asia/Manila time)');
  });
});
