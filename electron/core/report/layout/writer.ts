// The flow of a report: a cursor that moves down the page and starts a new
// page when the next block would not fit. pdfkit's margins are zero and its
// own page breaking is never used; every break is decided here.
import type PDFDocument from 'pdfkit';
import { Pen, type TextStyle } from './pen';
import type { FontChooser } from '../fonts';
import { Tags } from './tags';

export const PAGE = { width: 595.28, height: 841.89, left: 48, right: 48, top: 66, bottom: 64 } as const;

export const COLORS = {
  ink: '#1a1a1a',
  muted: '#5b6470',
  rule: '#c9ced6',
  head: '#1f3a5f',
  headText: '#ffffff',
  zebra: '#f4f6f9',
  breach: '#fde8e8',
  critical: '#b42318',
  major: '#d9730d',
  minor: '#b59f00',
  ok: '#1e7b34',
  bad: '#b42318',
  warn: '#b25e09',
  zero: '#8a929c',
} as const;

export const STYLE = {
  body: { size: 9.5 } as TextStyle,
  small: { size: 8, color: COLORS.muted } as TextStyle,
  h1: { size: 17, weight: 'bold', color: COLORS.head, leading: 1.2 } as TextStyle,
  h2: { size: 12.5, weight: 'bold', color: COLORS.head, leading: 1.25 } as TextStyle,
  h3: { size: 10.5, weight: 'bold', color: COLORS.ink } as TextStyle,
  label: { size: 8.5, weight: 'bold', color: COLORS.muted } as TextStyle,
};

export class Writer {
  readonly pen: Pen;
  y: number = PAGE.top;
  pages = 0;
  /** The section title carried into the running header of each page. */
  section = '';
  readonly sectionByPage: string[] = [];
  /** How far down each finished page the content reached (for the layout tests). */
  readonly pageBottoms: number[] = [];

  constructor(
    readonly doc: InstanceType<typeof PDFDocument>,
    fonts: FontChooser,
    /** The structure tree; off for documents that are not tagged. */
    readonly tags: Tags = new Tags(doc, false, ''),
  ) {
    this.pen = new Pen(doc, fonts, tags);
  }

  get left(): number {
    return PAGE.left;
  }
  get width(): number {
    return PAGE.width - PAGE.left - PAGE.right;
  }
  get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }
  get bodyHeight(): number {
    return this.bottom - PAGE.top;
  }
  get remaining(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    if (this.pages > 0) {
      this.pageBottoms.push(this.y);
      this.doc.addPage();
    }
    this.pages++;
    this.sectionByPage.push(this.section);
    this.y = PAGE.top;
  }

  /** Starts a new page unless `h` points still fit on this one. */
  ensure(h: number): void {
    if (this.y + h > this.bottom) this.newPage();
  }

  gap(h: number): void {
    this.y = Math.min(this.y + h, this.bottom);
  }

  /** Content bottoms of every page so far, the current one included. */
  fills(): number[] {
    return [...this.pageBottoms, this.y];
  }

  /**
   * A numbered chapter. It starts on a fresh page when asked (after the
   * cover, the appendix) or when less than 150 pt (a heading and a few
   * lines) is left; otherwise it follows on the same page, so short
   * chapters leave no near-empty pages.
   */
  chapter(title: string, fresh = false): void {
    this.section = title;
    // Each chapter is a section of the structure tree, open until the next one.
    this.tags.popTo(1);
    this.tags.push('Sect', { title });
    if (this.pages === 0) this.newPage();
    else if (this.y > PAGE.top) {
      if (fresh || this.remaining < 150) this.newPage();
      else {
        this.gap(14);
        // The running header names every chapter on the page.
        const i = this.sectionByPage.length - 1;
        this.sectionByPage[i] = [this.sectionByPage[i], title].filter(Boolean).join(' · ');
      }
    }
    if (this.y <= PAGE.top) this.sectionByPage[this.sectionByPage.length - 1] = title;
    this.heading(title, STYLE.h1);
    this.tags.artifact(() => this.doc.moveTo(this.left, this.y).lineTo(this.left + this.width, this.y).lineWidth(1.2).strokeColor(COLORS.head).stroke());
    this.gap(10);
  }

  /**
   * Opens a chapter with its introduction, or says there is nothing to
   * show; returns whether the chapter has content to follow.
   */
  chapterWith(title: string, hasContent: boolean, empty: string, intro: string, fresh = false): boolean {
    this.chapter(title, fresh);
    if (!hasContent) {
      this.paragraph(empty);
      return false;
    }
    this.paragraph(intro, STYLE.small);
    this.gap(4);
    return true;
  }

  /** A heading kept together with at least `keep` points of what follows. */
  heading(text: string, style: TextStyle = STYLE.h2, keep = 48): void {
    const lines = this.pen.wrap(text, style, this.width);
    const h = this.pen.height(lines.length, style);
    this.ensure(h + keep);
    this.tags.within(style.size >= STYLE.h1.size ? 'H1' : style.size >= STYLE.h2.size ? 'H2' : 'H3', () => this.pen.drawLines(lines, this.left, this.y, style));
    this.y += h + 3;
  }

  /** Flowing text that continues on the next page line by line. */
  paragraph(text: string, style: TextStyle = STYLE.body, opts: { indent?: number; width?: number; after?: number } = {}): void {
    const x = this.left + (opts.indent ?? 0);
    const width = opts.width ?? this.width - (opts.indent ?? 0);
    const lh = this.pen.lineHeight(style);
    this.tags.within('P', () => {
      for (const line of this.pen.wrap(text, style, width)) {
        this.ensure(lh);
        this.pen.drawLine(line, x, this.y, style);
        this.y += lh;
      }
    });
    this.gap(opts.after ?? 5);
  }

  /** A bulleted paragraph with its wrapped lines hanging under the text, not the bullet. */
  bullet(text: string, style: TextStyle = STYLE.body): void {
    const lh = this.pen.lineHeight(style);
    this.ensure(lh);
    const dot = this.pen.wrap('•', style, 20)[0];
    if (dot) this.tags.artifact(() => this.pen.drawLine(dot, this.left + 4, this.y, style));
    this.paragraph(text, style, { indent: 16, after: 3 });
  }

  /** Label: value pairs in two columns of text. */
  facts(pairs: Array<[string, string]>, labelWidth = 130): void {
    const valueWidth = this.width - labelWidth - 8;
    // A two-column table to a screen reader: each label heads its row.
    const depth = this.tags.depth;
    this.tags.push('Table');
    for (const [label, value] of pairs) {
      this.tags.push('TR');
      const lv = this.pen.wrap(value || '—', STYLE.body, valueWidth);
      const ll = this.pen.wrap(label, STYLE.label, labelWidth);
      const lh = this.pen.lineHeight(STYLE.body);
      const h = Math.max(lv.length * lh, this.pen.height(ll.length, STYLE.label));
      if (h <= this.bodyHeight) this.ensure(h + 3);
      this.tags.within('TH', () => this.pen.drawLines(ll, this.left, this.y + 1, STYLE.label), { scope: 'Row' });
      const labelBottom = this.y + 1 + this.pen.height(ll.length, STYLE.label);
      this.tags.within('TD', () => {
        for (const line of lv) {
          this.ensure(lh);
          this.pen.drawLine(line, this.left + labelWidth + 8, this.y, STYLE.body);
          this.y += lh;
        }
      });
      this.tags.pop();
      // A label on two lines next to a one-line value still gets its room.
      if (labelBottom > this.y && labelBottom <= this.bottom) this.y = labelBottom;
      this.y += 3;
    }
    this.tags.popTo(depth);
    this.gap(4);
  }

  /** A filled box with wrapped text inside, kept on one page when it fits. */
  banner(text: string, fill: string, style: TextStyle, pad = 8): void {
    const lines = this.pen.wrap(text, style, this.width - 2 * pad);
    const h = this.pen.height(lines.length, style) + 2 * pad;
    this.ensure(Math.min(h, this.bodyHeight));
    this.tags.artifact(() => this.doc.save().rect(this.left, this.y, this.width, h).fill(fill).restore());
    this.tags.within('P', () => this.pen.drawLines(lines, this.left + pad, this.y + pad, style));
    this.y += h + 8;
  }
}
