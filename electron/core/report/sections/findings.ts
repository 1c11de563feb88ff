// Chapters 3 and 4: every non-compliance in one table, then each section's
// answers that matter, with notes and their evidence photos.
import type { ReportData, ReportItem, ReportPhoto, Tone } from '../types';
import { percent, pill, pillWidth, severityColor, severityLabel } from '../layout/format';
import { photoCaption, type ImageBank } from '../layout/images';
import { table } from '../layout/table';
import { COLORS, STYLE, type Writer } from '../layout/writer';

export function nonCompliances(w: Writer, d: ReportData): void {
  const intro = 'Every non-compliance found, by section. Severity follows the checklist rules; a zero-tolerance issue fails the audit whatever the score. Evidence refers to photos in the appendix (P1, P2, …).';
  if (!w.chapterWith('3. Non-compliances', d.findings.length > 0, 'No non-compliance was recorded.', intro)) return;
  table(
    w,
    [
      { label: 'Ref', width: 0.7 },
      { label: 'Item', width: 2.6 },
      { label: 'Clause', width: 1.5 },
      { label: 'Severity', width: 1.3 },
      { label: 'Finding', width: 3.5 },
      { label: 'Evidence', width: 1.6 },
    ],
    d.findings.map((f) => ({
      cells: [f.ref, `${f.prompt}\n(${f.sectionTitle})`, f.clauses.join('\n'), f.zeroTolerance ? `${severityLabel(f.severity)}\nZero tolerance` : severityLabel(f.severity), [f.summary, f.note].filter(Boolean).join('\n'), f.evidence || '—'],
      cellStyle: [{ size: 8.5, weight: 'bold' }, undefined, { size: 7.5, color: COLORS.muted }, { size: 8.5, weight: 'bold', color: severityColor(f.severity) }, undefined, { size: 8 }],
      fill: f.zeroTolerance ? '#fbe4e4' : undefined,
    })),
  );
}

const TONE: Record<Tone, string> = { ok: COLORS.ok, bad: COLORS.bad, warn: COLORS.warn, neutral: COLORS.muted };

export async function sectionFindings(w: Writer, d: ReportData, images: ImageBank, onItem: () => Promise<void>): Promise<void> {
  w.chapter('4. Findings by section');
  const photos = new Map(d.photos.map((p) => [p.id, p]));
  for (const [i, s] of d.sections.entries()) {
    w.heading(`4.${i + 1} ${s.title}`, STYLE.h2, 60);
    w.paragraph(`Score ${percent(s.percent)} · ${s.answered} of ${s.total} items answered · ${s.nonCompliant} non-compliant`, STYLE.small, { after: 6 });
    for (const n of s.notes) w.paragraph(n, { ...STYLE.body, weight: 'italic' });
    if (!s.items.length) w.paragraph('All answered items in this section were compliant, with no notes.', STYLE.small);
    for (const item of s.items) {
      itemBlock(w, item, photos, images);
      await onItem();
    }
    w.gap(8);
  }
}

function itemBlock(w: Writer, item: ReportItem, photos: Map<string, ReportPhoto>, images: ImageBank): void {
  const label = item.severity ? `${item.answer} · ${severityLabel(item.severity, item.zeroTolerance)}` : item.answer;
  const pw = pillWidth(w, label);
  const promptStyle = { ...STYLE.body, weight: 'bold' as const };
  const lines = w.pen.wrap(item.prompt, promptStyle, w.width - pw - 12);
  w.ensure(w.pen.height(lines.length, promptStyle) + 30);
  w.doc.save().moveTo(w.left, w.y - 2).lineTo(w.left + w.width, w.y - 2).lineWidth(0.3).strokeColor(COLORS.rule).stroke().restore();
  pill(w, label, w.left + w.width - pw, w.y + 1, item.zeroTolerance ? '#7a0f0f' : item.severity ? severityColor(item.severity) : TONE[item.tone]);
  w.pen.drawLines(lines, w.left, w.y, promptStyle);
  w.y += w.pen.height(lines.length, promptStyle);
  if (item.references.length) w.paragraph(item.references.join(' · '), STYLE.small, { after: 2 });
  if (item.note) w.paragraph(item.note, STYLE.body, { after: 3 });
  const ps = item.photoIds.map((id) => photos.get(id)).filter((p): p is ReportPhoto => !!p);
  if (ps.length) photoRow(w, ps, images, 3, 120);
  w.gap(6);
}

/** Photos in rows of `perRow`, each with its caption under it. */
export function photoRow(w: Writer, ps: ReportPhoto[], images: ImageBank, perRow: number, maxH: number): void {
  const gapX = 10;
  const cellW = (w.width - gapX * (perRow - 1)) / perRow;
  const capStyle = { size: 7, color: COLORS.muted };
  for (let i = 0; i < ps.length; i += perRow) {
    const row = ps.slice(i, i + perRow);
    const caps = row.map((p) => w.pen.wrap(photoCaption(p), capStyle, cellW));
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
