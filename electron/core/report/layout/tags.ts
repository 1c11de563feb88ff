// The report's logical structure (a tagged PDF), so a screen reader reads
// headings, paragraphs, tables and photos with their descriptions in order,
// and text can be reflowed and extracted. Structure elements nest like the
// report: Document > Sect (one per chapter) > H1/H2/H3, P, Table > TR >
// TH/TD, Figure (with its alternative text).
//
// Everything the Pen draws is marked as content of the innermost open
// element — one marked sequence per drawn line, so none spans a page break
// (the Writer decides page breaks itself). Drawing inside a container
// (Document, Sect, Table, TR) gets a paragraph of its own. Running headers,
// footers, repeated table headers, rules and fills are marked as artifacts:
// not part of the text.
type StructType = 'Document' | 'Sect' | 'H1' | 'H2' | 'H3' | 'P' | 'Table' | 'TR' | 'TH' | 'TD' | 'Figure' | 'Caption';

export interface Element {
  readonly type: StructType;
  readonly el: PDFKit.PDFStructureElement;
}

export interface ElementOptions {
  alt?: string;
  lang?: string;
  title?: string;
  /** For TH: the header cell's scope. */
  scope?: 'Row' | 'Column';
}

const CONTAINERS = new Set<StructType>(['Document', 'Sect', 'Table', 'TR']);

export class Tags {
  private readonly stack: Element[] = [];
  /** Set while a marked sequence is open: nothing drawn inside opens another. */
  private marking = false;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    readonly on: boolean,
    lang: string,
  ) {
    if (!on) return;
    const root = doc.struct('Document', { lang });
    doc.addStructure(root);
    this.stack.push({ type: 'Document', el: root });
  }

  private make(type: StructType, opts: ElementOptions): Element {
    const parent = this.stack[this.stack.length - 1] as Element;
    // pdfkit takes `scope` (TH) though its types do not list it.
    const el = this.doc.struct(type, opts as Parameters<PDFKit.PDFDocument['struct']>[1]);
    parent.el.add(el);
    return { type, el };
  }

  /** Opens an element inside the current one; what is drawn until pop() belongs to it. */
  push(type: StructType, opts: ElementOptions = {}): void {
    if (this.on) this.stack.push(this.make(type, opts));
  }

  /** Closes the innermost open element (never the document). */
  pop(): void {
    if (!this.on || this.stack.length <= 1) return;
    (this.stack.pop() as Element).el.end();
  }

  /** Closes open elements until `depth` remain. */
  popTo(depth: number): void {
    while (this.on && this.stack.length > Math.max(1, depth)) this.pop();
  }

  get depth(): number {
    return this.stack.length;
  }

  /** An element inside the current one, filled later with drawIn (table cells drawn row part by row part). */
  child(type: StructType, opts: ElementOptions = {}): Element | null {
    return this.on ? this.make(type, opts) : null;
  }

  /** `fn` inside an element of its own. */
  within<T>(type: StructType, fn: () => T, opts: ElementOptions = {}): T {
    const depth = this.depth;
    this.push(type, opts);
    try {
      return fn();
    } finally {
      this.popTo(depth);
    }
  }

  /** Marks what `fn` draws as content of `target` (default: the innermost element). */
  drawIn(target: Element | null, fn: () => void): void {
    if (!this.on || this.marking) return fn();
    let into = target ?? (this.stack[this.stack.length - 1] as Element);
    let implicit: Element | null = null;
    if (CONTAINERS.has(into.type)) {
      // Text straight inside a chapter or table row gets a paragraph of its own.
      const el = this.doc.struct('P');
      into.el.add(el);
      implicit = { type: 'P', el };
      into = implicit;
    }
    const content = this.doc.markStructureContent(into.type);
    this.marking = true;
    try {
      fn();
    } finally {
      this.marking = false;
      this.doc.endMarkedContent();
    }
    into.el.add(content);
    implicit?.el.end();
  }

  draw(fn: () => void): void {
    this.drawIn(null, fn);
  }

  /** Page furniture and decoration: drawn, but not part of the text. */
  artifact(fn: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
    if (!this.on || this.marking) return fn();
    this.doc.markContent('Artifact', { type });
    this.marking = true;
    try {
      fn();
    } finally {
      this.marking = false;
      this.doc.endMarkedContent();
    }
  }

  /** Ends every element; call before doc.end(). */
  finish(): void {
    if (!this.on) return;
    this.popTo(1);
    (this.stack[0] as Element).el.end();
  }
}
