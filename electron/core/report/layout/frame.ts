// Running header and footer, drawn after all pages exist (bufferPages) so
// "page x of y" knows y. A draft gets a watermark on every page.
import { COLORS, PAGE, type Writer } from './writer';
import type { TextStyle } from './pen';
import { text } from '../strings';

export interface FrameInfo {
  siteName: string;
  auditId: string;
  revision: number;
  draft: boolean;
}


export function drawFrames(w: Writer, info: FrameInfo): void {
  const { doc, pen } = w;
  const range = doc.bufferedPageRange();
  const total = range.count;
  const small: TextStyle = { size: 7.5, color: COLORS.muted };
  const mark: TextStyle = { size: 7.5, weight: 'bold', color: COLORS.critical };
  // In the report's language (strings.ts).
  const CONFIDENTIAL = text('header.confidential');
  const confW = pen.width(CONFIDENTIAL, mark) + 4;
  const pageW = pen.width(text('footer.page', { n: total, total }), { ...small, weight: 'bold' }) + 12;
  for (let i = 0; i < total; i++) {
    doc.switchToPage(range.start + i);
    // Page furniture: a screen reader skips it.
    w.tags.artifact(() => frame(i), 'Pagination');
  }

  function frame(i: number): void {
    const section = w.sectionByPage[i] ?? '';
    // Header: the chapter on the left, whole (wrapped, never cut), and
    // confidentiality on the right. The site's name is in the footer.
    const headY = 22;
    const left = pen.wrap(section || info.siteName, small, w.width - confW - 12);
    pen.drawLines(left, w.left, headY, small);
    const conf = pen.wrap(CONFIDENTIAL, mark, confW)[0];
    if (conf) pen.drawLine(conf, w.left + w.width - confW, headY, mark, 'right', confW);
    const ruleY = headY + Math.max(1, left.length) * pen.lineHeight(small) + 3;
    doc.save().moveTo(w.left, ruleY).lineTo(w.left + w.width, ruleY).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore();

    // A long site name takes more footer lines; the footer grows upwards into the margin, never over the body.
    const id = pen.wrap(`${info.siteName} · ${text('footer.audit', { id: info.auditId, revision: info.revision })}${info.draft ? ` · ${text('footer.draft')}` : ''}`, small, w.width - pageW);
    const footY = PAGE.height - 24 - id.length * pen.lineHeight(small);
    doc.save().moveTo(w.left, footY - 5).lineTo(w.left + w.width, footY - 5).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore();
    pen.drawLines(id, w.left, footY, small);
    const pageNo = pen.wrap(text('footer.page', { n: i + 1, total }), { ...small, weight: 'bold' }, 10_000)[0];
    if (pageNo) pen.drawLine(pageNo, w.left, footY, { ...small, weight: 'bold' }, 'right', w.width);

    if (info.draft) watermark(w);
  }
}

function watermark(w: Writer): void {
  const { doc, pen } = w;
  const style: TextStyle = { size: 64, weight: 'bold', color: '#b42318' };
  const DRAFT_MARK = text('draft.mark');
  const line = pen.wrap(DRAFT_MARK, style, 10_000)[0];
  if (!line) return;
  doc.save();
  doc.opacity(0.13);
  doc.rotate(-50, { origin: [PAGE.width / 2, PAGE.height / 2] });
  pen.drawLine(line, PAGE.width / 2 - line.width / 2, PAGE.height / 2 - 40, style);
  doc.restore();
  // A second, small mark at the top so the state is readable at a glance.
  const top = pen.wrap(DRAFT_MARK, { size: 9, weight: 'bold', color: COLORS.critical }, 10_000)[0];
  if (top) pen.drawLine(top, PAGE.width / 2 - top.width / 2, 42, { size: 9, weight: 'bold', color: COLORS.critical });
}
