// The follow-up chapter: the new grade beside the old, area by area, then
// each finding of the audit followed up with its action, the verification
// and its evidence, then the findings the follow-up raised. Every fixed text
// comes from the report's language tables (strings/followup.ts).
import type { ReportData } from '../types';
import { severityColor, severityLabel } from '../layout/format';
import { table } from '../layout/table';
import { COLORS, STYLE, type Writer } from '../layout/writer';
import { reportLanguage, text } from '../strings';
import type { FollowUpReport } from './followup-data';

type Verification = FollowUpReport['findings'][number]['verification'];
const VERDICT_COLOR: Record<Verification, string> = { closed: COLORS.ok, partially_closed: COLORS.warn, not_closed: COLORS.bad, '': COLORS.muted };
const verdict = (v: Verification) => text(v ? `fu.v.${v}` : 'fu.v.none');

const pct = (p: number | null) => (p === null ? '—' : new Intl.NumberFormat(reportLanguage(), { style: 'percent', maximumFractionDigits: 1 }).format(p / 100));

export function followUpChapter(w: Writer, d: ReportData & { followUp?: FollowUpReport | null }): void {
  const f = d.followUp;
  if (!f) return;
  w.chapter(text('fu.chapter'), true);
  const o = f.original;
  w.paragraph(text(f.mode === 'desk_review' ? 'fu.introDesk' : 'fu.introOnSite', { id: o.id, revision: o.revision, start: o.startDate, end: o.endDate, hash: o.contentHash ?? '—' }), STYLE.body, { after: 8 });
  w.facts([
    [text('fu.gradeBefore'), f.gradeBefore ?? '—'],
    [text('fu.gradeAfter'), f.gradeAfter ?? text('fu.notRegraded')],
  ]);
  if (f.gradeAfter && f.gradeColor) w.banner(text('fu.banner', { after: f.gradeAfter, before: f.gradeBefore ?? '—' }), f.gradeColor, { size: 12, weight: 'bold', color: '#ffffff' });
  if (f.areas.length) {
    w.heading(text('fu.areas'), STYLE.h3, 60);
    table(
      w,
      [{ label: text('fu.colArea'), width: 4 }, { label: text('fu.colReaudited'), width: 1.2 }, { label: text('fu.colBefore'), width: 1.6 }, { label: text('fu.colAfter'), width: 1.6 }],
      f.areas.map((a) => ({
        cells: [a.title, text(a.reaudited ? 'fu.yes' : 'fu.no'), `${a.before ?? '—'} (${pct(a.percentBefore)})`, `${a.after ?? '—'} (${pct(a.percentAfter)})`],
        cellStyle: [undefined, undefined, undefined, a.after !== a.before ? { size: 8.5, weight: 'bold' as const } : undefined],
      })),
    );
  }
  for (const c of f.caps) w.bullet(c, STYLE.small);
  w.paragraph(f.rule, STYLE.small, { after: 10 });

  w.heading(text('fu.findings'), STYLE.h2, 60);
  table(
    w,
    [{ label: text('fu.colRef'), width: 0.7 }, { label: text('fu.colFinding'), width: 4.5 }, { label: text('fu.colSeverity'), width: 1.3 }, { label: text('fu.colVerification'), width: 1.6 }],
    f.findings.map((x) => ({
      cells: [x.ref, x.prompt, severityLabel(x.severity, x.zeroTolerance), verdict(x.verification)],
      cellStyle: [{ size: 8.5, weight: 'bold' as const }, undefined, { size: 8.5, weight: 'bold' as const, color: severityColor(x.severity) }, { size: 8.5, weight: 'bold' as const, color: VERDICT_COLOR[x.verification] }],
    })),
  );
  for (const x of f.findings) {
    w.heading(`${x.ref} · ${severityLabel(x.severity, x.zeroTolerance)} · ${x.prompt}`, STYLE.h3, 70);
    w.paragraph(x.sectionTitle, STYLE.small, { after: 3 });
    const pairs: Array<[string, string]> = [[text('fu.original'), x.finding || '—']];
    const several = x.actions.length > 1;
    x.actions.forEach((a, i) => {
      pairs.push([several ? text('fu.actionN', { n: i + 1 }) : text('fu.action'), text('fu.actionLine', { action: a.action, owner: a.owner, due: a.due, status: a.status })]);
      if (a.closureEvidence.length) pairs.push([several ? text('fu.closureN', { n: i + 1 }) : text('fu.closure'), a.closureEvidence.join('\n')]);
    });
    if (!x.actions.length) pairs.push([text('fu.action'), text('fu.noAction')]);
    pairs.push([text('fu.verification'), verdict(x.verification)], [text('fu.evidence'), x.evidence || '—'], [text('fu.notes'), x.verificationNote || '—']);
    w.facts(pairs, 120);
  }
  w.heading(text('fu.newFindings'), STYLE.h2, 60);
  if (!f.newFindings.length) w.paragraph(text('fu.noNewFindings'), STYLE.body);
  for (const n of f.newFindings) {
    w.paragraph(`${severityLabel(n.severity, n.zeroTolerance)} · ${n.sectionTitle} · ${n.prompt}`, { ...STYLE.body, weight: 'bold', color: severityColor(n.severity) }, { after: 2 });
    if (n.note) w.paragraph(n.note, STYLE.body, { after: 6 });
  }
}
