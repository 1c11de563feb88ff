// The cover: what was audited, when, by whom, and the outcome at a glance.
import type { ReportData } from '../types';
import { auditType, dateTime, percent } from '../layout/format';
import { COLORS, PAGE, STYLE, type Writer } from '../layout/writer';
import { ratingNotes } from './rating';
import { text } from '../strings';

// Below the running header and the draft mark.
const BAND_TOP = 58;

export function cover(w: Writer, d: ReportData, draft: boolean): void {
  const { doc, pen } = w;
  w.section = '';
  w.newPage();
  const { tags } = w;
  tags.push('Sect', { title: d.site.name });
  // Title band across the top of the page; a long site name gets a smaller size, never a cut.
  const sizes = [24, 19, 15, 12];
  let titleStyle = { size: 24, weight: 'bold' as const, color: '#ffffff', leading: 1.15 };
  let title = pen.wrap(d.site.name, titleStyle, w.width);
  for (const size of sizes) {
    titleStyle = { ...titleStyle, size };
    title = pen.wrap(d.site.name, titleStyle, w.width);
    if (title.length <= 2) break;
  }
  const subStyle = { size: 10, color: '#dfe8f3' };
  const sub = pen.wrap([d.site.address, d.site.country].filter(Boolean).join(' · '), subStyle, w.width);
  const bandH = 36 + pen.height(title.length, titleStyle) + 6 + pen.height(sub.length, subStyle) + 20;
  tags.artifact(() => doc.save().rect(0, BAND_TOP, PAGE.width, Math.max(118, bandH)).fill(COLORS.head).restore());
  // The report's one title: its kind and the site, read as one heading.
  tags.within('H1', () => {
    pen.drawLine(pen.wrap(text('cover.kind'), { size: 10, weight: 'bold' }, w.width)[0] ?? { runs: [], width: 0 }, w.left, BAND_TOP + 16, { size: 10, weight: 'bold', color: '#c7d6ea' });
    pen.drawLines(title, w.left, BAND_TOP + 36, titleStyle);
  });
  tags.within('P', () => pen.drawLines(sub, w.left, BAND_TOP + 36 + pen.height(title.length, titleStyle) + 4, subStyle));
  w.y = BAND_TOP + Math.max(118, bandH) + 20;

  // Rating box on the right, facts on the left.
  const boxW = 150;
  const boxX = w.left + w.width - boxW;
  const boxY = w.y;
  tags.artifact(() => doc.save().roundedRect(boxX, boxY, boxW, 150, 6).fill(d.score.bandColor).restore());
  tags.push('P');
  pen.drawLines(pen.wrap(text('cover.rating'), { size: 9, weight: 'bold' }, boxW), boxX, boxY + 12, { size: 9, weight: 'bold', color: '#ffffff' }, 'center', boxW);
  const bandStyle = { size: 54, weight: 'bold' as const, color: '#ffffff', leading: 1.1 };
  pen.drawLines(pen.wrap(d.score.band, bandStyle, boxW), boxX, boxY + 30, bandStyle, 'center', boxW);
  const scoreStyle = { size: 11, weight: 'bold' as const, color: '#ffffff' };
  pen.drawLines(pen.wrap(text(d.score.explanation && d.score.caps ? 'cover.compliance' : 'cover.score', { percent: percent(d.score.percent) }), scoreStyle, boxW), boxX, boxY + 100, scoreStyle, 'center', boxW);
  pen.drawLines(pen.wrap(text('cover.answered', { answered: d.score.answered, total: d.score.total }), { size: 8, color: '#ffffff' }, boxW), boxX, boxY + 120, { size: 8, color: '#ffffff' }, 'center', boxW);
  tags.pop();

  const factsW = w.width - boxW - 20;
  const facts: Array<[string, string]> = [
    [text(d.site.clients.length === 1 ? 'cover.client' : 'cover.clients'), d.site.clients.join(', ') || '—'],
    [text('cover.type'), auditType(d.audit.type)],
    [text('cover.dates'), d.audit.startDate === d.audit.endDate ? d.audit.startDate : text('cover.datesRange', { start: d.audit.startDate, end: d.audit.endDate })],
    [text('cover.lead'), `${d.audit.leadAuditor || d.auditor.name} (${d.auditor.organisation})`],
    [text('cover.team'), d.audit.team.join(', ') || '—'],
    [text('cover.checklist'), `${d.template.name} ${d.template.version}`],
    [text('cover.headcount'), d.site.headcount === null ? '—' : String(d.site.headcount)],
  ];
  // A value longer than the page (fifty long client names) flows on, line by line.
  const lh = pen.lineHeight(STYLE.body);
  tags.push('Table');
  for (const [label, value] of facts) {
    const lines = pen.wrap(value, STYLE.body, factsW - 96);
    if (w.y + Math.min(pen.height(lines.length, STYLE.body), w.bodyHeight) > w.bottom) w.newPage();
    tags.push('TR');
    const labelLines = pen.wrap(label, STYLE.label, 90);
    tags.within('TH', () => pen.drawLines(labelLines, w.left, w.y + 1, STYLE.label), { scope: 'Row' });
    // A label on two lines (longer in Spanish or French) keeps its room beside a one-line value.
    const labelBottom = w.y + 1 + pen.height(labelLines.length, STYLE.label);
    tags.within('TD', () => {
      for (const line of lines) {
        if (w.y + lh > w.bottom) w.newPage();
        pen.drawLine(line, w.left + 96, w.y, STYLE.body);
        w.y += lh;
      }
    });
    tags.pop();
    if (labelBottom > w.y && labelBottom <= w.bottom) w.y = labelBottom;
    w.y += 4;
  }
  tags.pop();
  w.y = Math.max(w.y, boxY + 160);

  const c = d.score.counts;
  w.gap(6);
  const countStyle = { size: 10, weight: 'bold' as const, color: '#ffffff', leading: 2 };
  // A zero count is not an alarm: its box is neutral grey, not the severity's colour.
  const cells: Array<[string, string]> = [
    [text('cover.critical', { n: c.critical }), c.critical ? COLORS.critical : COLORS.zero],
    [text('cover.major', { n: c.major }), c.major ? COLORS.major : COLORS.zero],
    [text('cover.minor', { n: c.minor }), c.minor ? COLORS.minor : COLORS.zero],
  ];
  const cw = (w.width - 16) / 3;
  cells.forEach(([t, fill], i) => {
    const x = w.left + i * (cw + 8);
    tags.artifact(() => doc.save().roundedRect(x, w.y, cw, 22, 4).fill(fill).restore());
    pen.drawLines(pen.wrap(t, countStyle, cw), x, w.y + 1, countStyle, 'center', cw);
  });
  w.y += 34;

  ratingNotes(w, d);

  w.gap(6);
  w.heading(text('cover.identity'), STYLE.h3, 40);
  w.facts([
    [text('cover.auditId'), text('cover.auditIdValue', { id: d.audit.id, revision: d.audit.revision })],
    [text('cover.hash'), d.audit.contentHash ?? text('cover.notSealed')],
    [text('cover.status'), d.audit.status === 'finalized' ? text('cover.finalized', { when: dateTime(d.audit.finalizedAt) }) : text('cover.notFinalized')],
    [text('cover.signature'), draft ? text('cover.unsignedDraft') : text('cover.signedBy', { name: d.auditor.name, organisation: d.auditor.organisation })],
    [text('cover.generated'), dateTime(d.generatedAt)],
  ], 108);
}
