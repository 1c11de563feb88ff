// Chapters 5 to 7: the computed wage and hours checks, the corrective
// action plan, and what workers said in interviews (counts and themes).
import type { ReportData } from '../types';
import { table } from '../layout/table';
import { COLORS, STYLE, type Writer } from '../layout/writer';

export function wagesAndHours(w: Writer, d: ReportData): void {
  const intro = 'Each sampled record is checked against the legal minimum wage and overtime premium of the site, and against the ETI Base Code limits on working hours. Rows with a breach are highlighted.';
  if (!w.chapterWith('5. Wages and working hours', d.analysis.length > 0, 'No wage or working-hours samples were recorded in this audit.', intro)) return;
  for (const t of d.analysis) {
    w.heading(t.title, STYLE.h2, 70);
    w.paragraph(t.basis, STYLE.small, { after: 4 });
    table(
      w,
      t.columns.map((c) => ({ label: c.label, width: c.width, align: c.align ?? 'left' })),
      t.rows.map((r) => ({
        cells: r.cells,
        fill: r.breach ? COLORS.breach : undefined,
        // The last column is the verdict: the reason for the breach, in red.
        cellStyle: r.breach ? r.cells.map((_, i) => (i === r.cells.length - 1 ? { size: 8.5, weight: 'bold' as const, color: COLORS.bad } : undefined)) : undefined,
      })),
    );
    w.paragraph(t.summary, { ...STYLE.body, weight: 'bold' }, { after: 10 });
  }
}

export function actionPlan(w: Writer, d: ReportData): void {
  const intro = 'Agreed with the site representative at the closing meeting. The representative confirms the authority to implement these actions on the sign-off page.';
  if (!w.chapterWith('6. Corrective action plan (CAPR)', d.actions.length > 0, 'No corrective actions were agreed.', intro)) return;
  table(
    w,
    [
      { label: 'Ref', width: 0.7 },
      { label: 'Corrective action', width: 3.8 },
      { label: 'Owner', width: 1.7 },
      { label: 'Due', width: 1.35 },
      { label: 'Status', width: 1.45 },
      { label: 'Verification', width: 2.2 },
    ],
    d.actions.map((a) => ({
      cells: [a.findingRef, a.action, a.owner, a.dueDate, statusLabel(a.status), a.verification || '—'],
      cellStyle: [{ size: 8.5, weight: 'bold' }, undefined, undefined, undefined, { size: 8.5, weight: 'bold', color: a.status === 'closed' ? COLORS.ok : COLORS.warn }, undefined],
    })),
  );
}

export function interviews(w: Writer, d: ReportData): void {
  w.chapter('7. Worker interviews');
  const iv = d.interviews;
  if (!iv || iv.interviews === 0) {
    w.paragraph('No worker interviews were recorded.');
    return;
  }
  w.paragraph(`${iv.interviews} interview(s) were held in private: ${iv.individual} individual and ${iv.group} group, ${iv.withConsent} with recorded consent. Workers are identified by code only; the report gives counts and themes, and only the passages the auditor chose to include.`, STYLE.body);
  w.gap(4);
  const twoCol = (label: string, rows: Array<{ label: string; count: number }>) =>
    table(w, [{ label, width: 4 }, { label: 'Interviews', width: 1, align: 'right' }], rows.map((r) => ({ cells: [r.label, String(r.count)] })));
  if (iv.themes.length) {
    w.heading('Themes raised', STYLE.h3);
    twoCol('Theme', iv.themes);
  }
  if (iv.excerpts.length) {
    w.heading('Selected excerpts', STYLE.h3);
    for (const e of iv.excerpts) {
      w.paragraph(`“${e.text}”`, { ...STYLE.body, weight: 'italic' }, { indent: 12, after: 1 });
      w.paragraph(`Interview ${e.code}`, STYLE.small, { indent: 12, after: 6 });
    }
  }
}

function statusLabel(status: string): string {
  const text = status.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
