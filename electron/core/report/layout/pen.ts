// Text measured and wrapped by us, not by pdfkit, so that every line's
// width and height are known before anything is drawn: a table row can be
// split between pages, and nothing runs past its box.
import type { FontChooser, Run, Weight } from '../fonts';
import type { Tags } from './tags';

const WORDS = new Intl.Segmenter('th', { granularity: 'word' });
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

export interface TextStyle {
  size: number;
  weight?: Weight;
  color?: string;
  /** Line height as a multiple of the font size. */
  leading?: number;
}

export interface Line {
  runs: Run[];
  width: number;
}

export class Pen {
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: FontChooser,
    /** Every line drawn is marked as content of the open structure element. */
    readonly tags?: Tags,
  ) {}

  lineHeight(style: TextStyle): number {
    return style.size * (style.leading ?? 1.3);
  }

  // Widths at 1 pt, by font and text: a report measures the same words
  // thousands of times (table cells, wrapped notes), and a width scales
  // with the font size.
  private readonly widths = new Map<string, number>();

  private runWidth(run: Run, size: number): number {
    const key = `${run.font}\u0000${run.text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      if (this.widths.size > 100_000) this.widths.clear();
      w = this.doc.font(run.font).fontSize(1).widthOfString(run.text);
      this.widths.set(key, w);
    }
    return w * size;
  }

  width(text: string, style: TextStyle): number {
    let w = 0;
    for (const r of this.fonts.runs(text, style.weight ?? 'regular')) w += this.runWidth(r, style.size);
    return w;
  }

  /** Wraps text into lines no wider than `maxWidth`; words longer than a line are cut. */
  wrap(text: string, style: TextStyle, maxWidth: number): Line[] {
    const weight = style.weight ?? 'regular';
    const lines: Line[] = [];
    const space = this.width(' ', style);
    for (const para of text.replace(/\r\n?/g, '\n').split('\n')) {
      let cur: string[] = [];
      let curW = 0;
      const flush = () => {
        const t = cur.join(' ');
        lines.push({ runs: this.fonts.runs(t, weight), width: curW });
        cur = [];
        curW = 0;
      };
      const words = para.split(/[ \t]+/).filter((w) => w.length > 0);
      if (!words.length) {
        lines.push({ runs: [], width: 0 });
        continue;
      }
      for (const word of words) {
        const w = this.width(word, style);
        if (w > maxWidth) {
          // Cut the word into pieces that fit, starting on a fresh line.
          if (cur.length) flush();
          for (const piece of this.cut(word, style, maxWidth)) {
            cur = [piece.text];
            curW = piece.width;
            flush();
          }
          continue;
        }
        if (cur.length && curW + space + w > maxWidth) flush();
        curW += cur.length ? space + w : w;
        cur.push(word);
      }
      if (cur.length) flush();
    }
    return lines;
  }

  /**
   * A run too wide for a line is broken between words where the script has
   * no spaces (Thai), else between grapheme clusters, never inside one (a
   * Thai or Devanagari vowel sign stays with its consonant).
   */
  private cut(word: string, style: TextStyle, maxWidth: number): Array<{ text: string; width: number }> {
    const out: Array<{ text: string; width: number }> = [];
    let piece = '';
    let pieceW = 0;
    const parts: string[] = [];
    for (const seg of WORDS.segment(word)) {
      if (this.width(seg.segment, style) <= maxWidth) parts.push(seg.segment);
      else for (const g of GRAPHEMES.segment(seg.segment)) parts.push(g.segment);
    }
    for (const ch of parts) {
      const w = this.width(ch, style);
      if (pieceW + w > maxWidth && piece) {
        out.push({ text: piece, width: pieceW });
        piece = '';
        pieceW = 0;
      }
      piece += ch;
      pieceW += w;
    }
    if (piece) out.push({ text: piece, width: pieceW });
    return out;
  }

  height(lines: number, style: TextStyle): number {
    return lines * this.lineHeight(style);
  }

  drawLine(line: Line, x: number, y: number, style: TextStyle, align: 'left' | 'right' | 'center' = 'left', boxWidth = 0): void {
    if (this.tags) this.tags.draw(() => this.drawUntagged(line, x, y, style, align, boxWidth));
    else this.drawUntagged(line, x, y, style, align, boxWidth);
  }

  private drawUntagged(line: Line, x: number, y: number, style: TextStyle, align: 'left' | 'right' | 'center', boxWidth: number): void {
    const doc = this.doc;
    let cx = x;
    if (align === 'right') cx = x + boxWidth - line.width;
    else if (align === 'center') cx = x + (boxWidth - line.width) / 2;
    // Centre the glyphs vertically in the line box.
    const ty = y + (this.lineHeight(style) - style.size * 1.16) / 2;
    doc.fillColor(style.color ?? '#1a1a1a');
    for (const run of line.runs) {
      doc.font(run.font).fontSize(style.size);
      doc.text(run.text, cx, ty, { lineBreak: false });
      cx += doc.widthOfString(run.text);
    }
  }

  drawLines(lines: Line[], x: number, y: number, style: TextStyle, align: 'left' | 'right' | 'center' = 'left', boxWidth = 0): number {
    const lh = this.lineHeight(style);
    lines.forEach((l, i) => this.drawLine(l, x, y + i * lh, style, align, boxWidth));
    return lines.length * lh;
  }
}
