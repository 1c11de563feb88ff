// Chapters 7 to 9: the computed wage and hours checks, the corrective
// action plan in SMETA's shape, what workers said in interviews (counts and
// themes), and the consistency warnings the auditor acknowledged.
import type { ReportAction, ReportData } from '../types';
import { severityColor, severityLabel } from '../layout/format';
import { table } from '../layout/table';
import { COLORS, STYLE, type Writer } from '../layout/writer';
import { count, reportLanguage, text } from '../strings';
import { CLAUSE_WIDTH } from './findings';

export function wagesAndHours(w: Writer, d: ReportData): void {
  const intro = text('plan.intro');
  if (!w.chapterWith(text('ch.wages'), d.analysis.length > 0, text('plan.noSamples'), intro)) return;
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
  if (!w.chapterWith(text('ch.capr'), d.findings.length > 0, text('capr.none'), text('capr.intro'))) return;
  const byRef = new Map<string, ReportAction[]>();
  for (const a of d.actions) byRef.set(a.findingRef, [...(byRef.get(a.findingRef) ?? []), a]);
  w.heading(text('capr.overview'), STYLE.h3, 50);
  table(
    w,
    [
      { label: text('capr.ref'), width: 0.75 },
      { label: text('capr.clause'), width: CLAUSE_WIDTH },
      { label: text('capr.severity'), width: 1.15 },
      { label: text('capr.timescale'), width: 2.1 },
      { label: text('capr.due'), width: 1.3 },
      { label: text('capr.status'), width: 1.2 },
      { label: text('capr.acceptance'), width: 1.7 },
    ],
    d.findings.flatMap((f) => {
      const list = byRef.get(f.ref) ?? [];
      if (!list.length) return [{ cells: [f.ref, f.clauses.join('\n'), severityLabel(f.severity), '—', '—', text('plan.noAction'), '—'], cellStyle: [{ size: 8.5, weight: 'bold' as const }, { size: 7.5, color: COLORS.muted }, { size: 8.5, weight: 'bold' as const, color: severityColor(f.severity) }] }];
      return list.map((a) => ({
        cells: [f.ref, f.clauses.join('\n'), severityLabel(f.severity), (a.timescale ?? '').split(';')[0] ?? '', a.dueDate, statusLabel(a.status), a.siteAcceptance ?? ''],
        cellStyle: [{ size: 8.5, weight: 'bold' as const }, { size: 7.5, color: COLORS.muted }, { size: 8.5, weight: 'bold' as const, color: severityColor(f.severity) }, undefined, undefined, { size: 8.5, weight: 'bold' as const, color: a.status === 'closed' ? COLORS.ok : COLORS.warn }],
      }));
    }),
  );
  for (const f of d.findings) {
    w.heading(`${f.ref} · ${severityLabel(f.severity, f.zeroTolerance)} · ${f.prompt}`, STYLE.h3, 60);
    if (f.clauses.length) w.paragraph(f.clauses.join(' · '), STYLE.small, { after: 3 });
    const list = byRef.get(f.ref) ?? [];
    const finding = [f.summary, f.note].filter(Boolean).join('\n');
    if (!list.length) {
      w.facts([[text('capr.finding'), finding], [text('capr.evidence'), f.evidence]], 120);
      w.paragraph(text('capr.noAction'), { ...STYLE.body, weight: 'bold', color: COLORS.bad });
      continue;
    }
    for (const a of list) {
      const none = text('capr.notRecorded');
      w.facts([
        [text('capr.finding'), finding || '—'],
        [text('capr.evidence'), a.objectiveEvidence || none],
        [text('capr.rootCause'), a.rootCause || none],
        [text('capr.action'), a.action],
        [text('capr.preventive'), a.preventiveAction || none],
        [text('capr.owner'), a.owner],
        [text('capr.timescaleDue'), text('capr.timescaleAgreed', { timescale: a.timescale ?? '', date: a.dueDate })],
        [text('capr.verification'), a.verificationMethod || none],
        [text('capr.verificationNotes'), a.verification || none],
        [text('capr.status'), statusLabel(a.status)],
        [text('capr.siteComments'), a.siteComments || none],
        [text('capr.siteAcceptance'), a.siteAcceptance || none],
      ], 120);
    }
  }
}

/** Part of the sign-off chapter: what the auditor acknowledged instead of changing the record. */
export function consistencyNotes(w: Writer, d: ReportData): void {
  const list = d.acknowledged ?? [];
  w.heading(text('consistency.heading'), STYLE.h3, 30);
  w.paragraph(list.length ? text('consistency.intro') : text('consistency.none'), STYLE.body);
  for (const a of list) {
    w.bullet(a.message);
    w.paragraph(text('consistency.reason', { note: a.note }), { ...STYLE.body, weight: 'italic' }, { indent: 16, after: 6 });
  }
}

export function interviews(w: Writer, d: ReportData): void {
  w.chapter(text('ch.interviews'));
  const iv = d.interviews;
  if (!iv || iv.interviews === 0) {
    w.paragraph(text('iv.none'));
    return;
  }
  w.paragraph(text(new Intl.PluralRules(reportLanguage()).select(iv.interviews) === 'one' ? 'iv.heldOne' : 'iv.heldMany', { interviews: count(iv.interviews, 'interview'), individual: iv.individual, group: iv.group, consent: iv.withConsent }), STYLE.body);
  w.gap(4);
  const twoCol = (label: string, rows: Array<{ label: string; count: number }>) =>
    table(w, [{ label, width: 4 }, { label: text('iv.colInterviews'), width: 1, align: 'right' }], rows.map((r) => ({ cells: [r.label, String(r.count)] })));
  if (iv.themes.length) {
    w.heading(text('iv.themes'), STYLE.h3);
    twoCol(text('iv.colTheme'), iv.themes);
  }
  if (iv.excerpts.length) {
    w.heading(text('iv.excerpts'), STYLE.h3);
    for (const e of iv.excerpts) {
      w.paragraph(`“${e.text}”`, { ...STYLE.body, weight: 'italic' }, { indent: 12, after: 1 });
      w.paragraph(text('iv.code', { code: e.code }), STYLE.small, { indent: 12, after: 6 });
    }
  }
}

const STATUSES = ['open', 'in_progress', 'closed'] as const;
function statusLabel(status: string): string {
  const known = STATUSES.find((x) => x === status);
  return known ? text(`status.${known}`) : status;
}
