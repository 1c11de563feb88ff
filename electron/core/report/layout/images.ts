// Each photo is read and embedded once; later placements reuse the same
// PDF image object, so a photo shown in a finding and in the appendix costs
// its bytes only once.
import fs from 'node:fs';
import type { ImageSource, ReportPhoto } from '../types';
import type { Writer } from './writer';
import { text } from '../strings';

type PdfImage = { width: number; height: number };

export class ImageBank {
  private readonly opened = new Map<string, PdfImage>();
  bytes = 0;
  readonly failed = new Map<string, string>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  open(key: string, source: ImageSource): PdfImage | null {
    const hit = this.opened.get(key);
    if (hit) return hit;
    if (this.failed.has(key)) return null;
    try {
      const data = 'path' in source ? fs.readFileSync(source.path) : Buffer.from(source.bytes);
      const img = (this.doc as unknown as { openImage(src: Buffer): PdfImage }).openImage(data);
      this.bytes += data.length;
      this.opened.set(key, img);
      return img;
    } catch (err) {
      this.failed.set(key, err instanceof Error ? err.message : String(err));
      return null;
    }
  }

  /** Draws a photo centred in the box; returns the drawn height. */
  place(w: Writer, photo: ReportPhoto, x: number, y: number, maxW: number, maxH: number): number {
    const img = this.open(photo.id, photo.source);
    if (!img) {
      w.tags.artifact(() => w.doc.save().rect(x, y, maxW, Math.min(maxH, 40)).lineWidth(0.5).strokeColor('#b42318').stroke().restore());
      w.tags.within('P', () => w.pen.drawLines(w.pen.wrap(`Photo ${photo.ref} could not be read`, { size: 8, color: '#b42318' }, maxW - 8), x + 4, y + 4, { size: 8, color: '#b42318' }));
      return Math.min(maxH, 40);
    }
    const scale = Math.min(maxW / img.width, maxH / img.height);
    const dw = img.width * scale;
    const dh = img.height * scale;
    // The photo's alternative text is its reference and caption, as printed under it.
    w.tags.within('Figure', () => w.tags.draw(() => w.doc.image(img as never, x + (maxW - dw) / 2, y, { width: dw, height: dh })), { alt: photoAlt(photo) });
    w.tags.artifact(() => w.doc.save().rect(x + (maxW - dw) / 2, y, dw, dh).lineWidth(0.4).strokeColor('#9aa3ad').stroke().restore());
    return dh;
  }

  warnings(): string[] {
    return [...this.failed.entries()].map(([id, msg]) => `Photo ${id} could not be embedded: ${msg}`);
  }
}

export function photoAlt(p: ReportPhoto): string {
  return text('photo.alt', { ref: p.ref, caption: p.caption || text('photo.altNoCaption') });
}

export function photoCaption(p: ReportPhoto): string {
  const when = p.takenAt.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, ' UTC');
  return text('photo.caption', { ref: p.ref, caption: p.caption || text('photo.noCaption'), when: p.takenText ?? when });
}
