// Tables that break across pages: the header row is repeated on every page,
// and a row taller than what is left is split line by line, so no text is
// ever clipped or pushed past the bottom margin.
import type { Line, TextStyle } from './pen';
import { COLORS, STYLE, type Writer } from './writer';

export interface Column {
  label: string;
  /** Relative width; the columns share the table width in proportion. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface Row {
  cells: string[];
  /** Background of the whole row (e.g. a breach). */
  fill?: string;
  /** Background of single cells (e.g. a severity). */
  cellFill?: Array<string | undefined>;
  /** Text style of single cells. */
  cellStyle?: Array<TextStyle | undefined>;
}

export interface TableOptions {
  style?: TextStyle;
  headerStyle?: TextStyle;
  zebra?: boolean;
  pad?: number;
}

const PAD = 4;

export function table(w: Writer, columns: Column[], rows: Row[], opts: TableOptions = {}): void {
  const style = opts.style ?? { ...STYLE.body, size: 8.5 };
  const headerStyle = opts.headerStyle ?? { ...style, size: Math.min(style.size, 8), weight: 'bold' as const, color: COLORS.headText };
  const pad = opts.pad ?? PAD;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * w.width);
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((s, v) => s + v, 0));
  const lh = w.pen.lineHeight(style);
  const hlh = w.pen.lineHeight(headerStyle);

  const headerLines = columns.map((c, i) => w.pen.wrap(c.label, headerStyle, (widths[i] ?? 0) - 2 * pad));
  const headerH = Math.max(...headerLines.map((l) => l.length)) * hlh + 2 * pad;

  const { tags } = w;
  const drawHeader = (first: boolean) => {
    tags.artifact(() => w.doc.save().rect(w.left, w.y, w.width, headerH).fill(COLORS.head).restore());
    const cells = () => headerLines.forEach((lines, i) => {
      const draw = () => w.pen.drawLines(lines, (xs[i] ?? 0) + pad, w.y + pad, headerStyle, columns[i]?.align ?? 'left', (widths[i] ?? 0) - 2 * pad);
      if (first) tags.within('TH', draw, { scope: 'Column' });
      else draw();
    });
    // The header repeated on a later page is decoration: the table has one header row.
    if (first) tags.within('TR', cells);
    else tags.artifact(cells, 'Pagination');
    w.y += headerH;
  };

  // Header plus at least two lines of the first row, or a fresh page.
  w.ensure(headerH + 2 * lh + 2 * pad);
  const depth = tags.depth;
  tags.push('Table');
  drawHeader(true);

  rows.forEach((row, ri) => {
    const cellStyles = columns.map((_, i) => row.cellStyle?.[i] ?? style);
    let pending: Line[][] = columns.map((_, i) => w.pen.wrap(row.cells[i] ?? '', cellStyles[i] as TextStyle, (widths[i] ?? 0) - 2 * pad));
    const fill = row.fill ?? (opts.zebra !== false && ri % 2 === 1 ? COLORS.zebra : undefined);
    // A row may be drawn in parts on two pages; its cells are filled part by part.
    tags.push('TR');
    const cellTags = columns.map(() => tags.child('TD'));
    while (pending.some((l) => l.length > 0)) {
      const need = Math.max(...pending.map((l) => l.length)) * lh + 2 * pad;
      let fit = Math.floor((w.bottom - w.y - 2 * pad) / lh);
      const wholeFitsFresh = need <= w.bodyHeight - headerH;
      if (need > w.bottom - w.y && (wholeFitsFresh || fit < 2)) {
        w.newPage();
        drawHeader(false);
        fit = Math.floor((w.bottom - w.y - 2 * pad) / lh);
      }
      const take = Math.max(1, Math.min(fit, Math.max(...pending.map((l) => l.length))));
      const part = pending.map((l) => l.slice(0, take));
      pending = pending.map((l) => l.slice(take));
      const h = Math.max(...part.map((l) => l.length)) * lh + 2 * pad;
      if (fill) tags.artifact(() => w.doc.save().rect(w.left, w.y, w.width, h).fill(fill).restore());
      part.forEach((lines, i) => {
        const cf = row.cellFill?.[i];
        if (cf) tags.artifact(() => w.doc.save().rect(xs[i] ?? 0, w.y, widths[i] ?? 0, h).fill(cf).restore());
        if (lines.length) tags.drawIn(cellTags[i] ?? null, () => w.pen.drawLines(lines, (xs[i] ?? 0) + pad, w.y + pad, cellStyles[i] as TextStyle, columns[i]?.align ?? 'left', (widths[i] ?? 0) - 2 * pad));
      });
      tags.artifact(() => w.doc.save().moveTo(w.left, w.y + h).lineTo(w.left + w.width, w.y + h).lineWidth(0.4).strokeColor(COLORS.rule).stroke().restore());
      w.y += h;
    }
    for (const c of cellTags) c?.el.end();
    tags.pop();
  });
  tags.popTo(depth);
  w.gap(10);
}
