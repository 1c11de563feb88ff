// Chapters 4 to 6: every non-compliance in one table; each section with its
// text answers, its findings and observations in full and the table of
// everything that was checked; then the good practices.
import type { ReportData, ReportItem, ReportPhoto, Tone } from '../types';
import { percent, pill, pillWidth, severityColor, severityLabel } from '../layout/format';
import type { ImageBank } from '../layout/images';
import { table } from '../layout/table';
import { COLORS, STYLE, type Writer } from '../layout/writer';
import { count, countOf, text } from '../strings';

/** Relative width of the clause column: "amfori BSCI PA 5" fits on one line at 7.5 pt. */
export const CLAUSE_WIDTH = 1.9;

export function nonCompliances(w: Writer, d: ReportData): void {
  const intro = text('nc.intro');
  if (!w.chapterWith(text('ch.nonCompliances'), d.findings.length > 0, text('sum.noneFound'), intro)) return;
  table(
    w,
    [
      { label: text('nc.colRef'), width: 0.75 },
      { label: text('nc.colItem'), width: 2.5 },
      { label: text('nc.colClause'), width: CLAUSE_WIDTH },
      { label: text('nc.colSeverity'), width: 1.15 },
      { label: text('nc.colFinding'), width: 3.2 },
      { label: text('nc.colEvidence'), width: 1.5 },
    ],
    d.findings.map((f) => ({
      cells: [f.ref, `${f.prompt}\n(${f.sectionTitle})`, f.clauses.join('\n'), f.zeroTolerance ? `${severityLabel(f.severity)}\n${text('sev.zt')}` : severityLabel(f.severity), [f.summary, f.note].filter(Boolean).join('\n') || '—', f.evidence || '—'],
      cellStyle: [{ size: 8.5, weight: 'bold' }, undefined, { size: 7.5, color: COLORS.muted }, { size: 8.5, weight: 'bold', color: severityColor(f.severity) }, undefined, { size: 8 }],
      fill: f.zeroTolerance ? '#fbe4e4' : undefined,
    })),
  );
}

const TONE: Record<Tone, string> = { ok: COLORS.ok, bad: COLORS.bad, warn: COLORS.warn, neutral: COLORS.muted };

export async function sectionFindings(w: Writer, d: ReportData, _images: ImageBank, onItem: () => Promise<void>): Promise<void> {
  w.chapter(text('ch.sections'));
  w.paragraph(text('sections.intro'), STYLE.small);
  const photos = new Map(d.photos.map((p) => [p.id, p]));
  for (const [i, s] of d.sections.entries()) {
    w.heading(`5.${i + 1} ${s.title}`, STYLE.h2, 120);
    w.paragraph(text('sections.scoreLine', { percent: percent(s.percent), answered: countOf(s.answered, s.total, 'item'), findings: count(s.nonCompliant, 'finding', { zero: true }) }), STYLE.small, { after: 6 });
    for (const n of s.notes) w.paragraph(n, { ...STYLE.body, weight: 'italic' });
    for (const t of s.texts) {
      w.heading(t.prompt, STYLE.h3, 30);
      w.paragraph(t.text, STYLE.body, { after: 6 });
    }
    if (s.items.length) {
      w.heading(text('sections.findings'), STYLE.h3, 40);
      for (const item of s.items) {
        itemBlock(w, item, photos);
        await onItem();
      }
    }
    if (s.checked.length) {
      w.heading(text('sections.checked'), STYLE.h3, 80);
      table(
        w,
        [
          { label: text('sections.item'), width: 4.2 },
          { label: text('sections.answer'), width: 1.45 },
          { label: text('sections.reading'), width: 1.9 },
          { label: text('sections.note'), width: 3.1 },
        ],
        s.checked.map((r) => ({
          cells: [r.prompt, r.answer, r.reading || '—', r.note || '—'],
          cellStyle: [undefined, { size: 7.5, weight: 'bold', color: TONE[r.tone] }, undefined, undefined],
        })),
        { style: { size: 7.5 }, pad: 3 },
      );
      await onItem();
    }
    w.gap(6);
  }
}

function itemBlock(w: Writer, item: ReportItem, photos: Map<string, ReportPhoto>): void {
  const label = item.severity ? `${item.answer} · ${severityLabel(item.severity, item.zeroTolerance)}` : item.answer;
  const pw = pillWidth(w, label);
  const promptStyle = { ...STYLE.body, weight: 'bold' as const };
  const lines = w.pen.wrap(item.prompt, promptStyle, w.width - pw - 12);
  w.ensure(w.pen.height(lines.length, promptStyle) + 30);
  w.tags.artifact(() => w.doc.save().moveTo(w.left, w.y - 2).lineTo(w.left + w.width, w.y - 2).lineWidth(0.3).strokeColor(COLORS.rule).stroke().restore());
  pill(w, label, w.left + w.width - pw, w.y + 1, item.zeroTolerance ? '#7a0f0f' : item.severity ? severityColor(item.severity) : TONE[item.tone]);
  w.pen.drawLines(lines, w.left, w.y, promptStyle);
  w.y += w.pen.height(lines.length, promptStyle);
  if (item.references.length) w.paragraph(item.references.join(' · '), STYLE.small, { after: 2 });
  if (item.note) w.paragraph(item.note, STYLE.body, { after: 3 });
  // Photos are printed once, full size, in the appendix; here only their numbers.
  const refs = item.photoIds.map((id) => photos.get(id)?.ref).filter((r): r is string => !!r);
  if (refs.length) w.paragraph(text('sections.seeAppendix', { refs: refs.join(', ') }), { ...STYLE.small, weight: 'bold' }, { after: 2 });
  w.gap(6);
}

export function goodPractices(w: Writer, d: ReportData): void {
  const list = d.goodPractices ?? [];
  if (!w.chapterWith(text('ch.goodPractices'), list.length > 0, text('good.none'), text('good.intro'))) return;
  for (const g of list) {
    w.heading(g.prompt, { ...STYLE.body, weight: 'bold' }, 24);
    w.paragraph(g.sectionTitle, STYLE.small, { after: 2 });
    if (g.note) w.paragraph(g.note, STYLE.body, { after: 2 });
    if (g.photoRefs.length) w.paragraph(text('sections.seeAppendix', { refs: g.photoRefs.join(', ') }), { ...STYLE.small, weight: 'bold' }, { after: 2 });
    w.gap(6);
  }
}

/** Photos in rows of `perRow`, each with its caption under it. */
export function photoRow(w: Writer, ps: ReportPhoto[], images: ImageBank, perRow: number, maxH: number, caption: (p: ReportPhoto) => string): void {
  const gapX = 10;
  const cellW = (w.width - gapX * (perRow - 1)) / perRow;
  const capStyle = { size: 7.5, color: COLORS.muted };
  for (let i = 0; i < ps.length; i += perRow) {
    const row = ps.slice(i, i + perRow);
    const caps = row.map((p) => w.pen.wrap(caption(p), capStyle, cellW));
    const capH = Math.max(...caps.map((c) => c.length)) * w.pen.lineHeight(capStyle);
    w.ensure(maxH + capH + 8);
    let imgH = 0;
    row.forEach((p, j) => {
      imgH = Math.max(imgH, images.place(w, p, w.left + j * (cellW + gapX), w.y, cellW, maxH));
    });
    row.forEach((_, j) => w.pen.drawLines(caps[j] ?? [], w.left + j * (cellW + gapX), w.y + imgH + 3, capStyle, 'center', cellW));
    w.y += imgH + capH + 10;
  }
}
