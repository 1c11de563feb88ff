// The follow-up chapter: the new grade beside the old, area by area, then
// each finding of the audit followed up with its action, the verification
// and its evidence, then the findings the follow-up raised.
import type { ReportData } from '../types';
import { severityColor, severityLabel } from '../layout/format';
import { table } from '../layout/table';
import { COLORS, STYLE, type Writer } from '../layout/writer';
import type { FollowUpReport } from './followup-data';

const VERDICT: Record<FollowUpReport['findings'][number]['verification'], { label: string; color: string }> = {
  closed: { label: 'Closed', color: COLORS.ok },
  partially_closed: { label: 'Partially closed', color: COLORS.warn },
  not_closed: { label: 'Not closed', color: COLORS.bad },
  '': { label: 'Not verified', color: COLORS.muted },
};

const pct = (p: number | null) => (p === null ? '—' : `${p.toFixed(p % 1 ? 1 : 0)} %`);

export function followUpChapter(w: Writer, d: ReportData & { followUp?: FollowUpReport | null }): void {
  const f = d.followUp;
  if (!f) return;
  w.chapter('Follow-up', true);
  const how = f.mode === 'desk_review' ? 'a desk review of the documents and photos the site sent' : 'a visit to the site';
  w.paragraph(`This follow-up verified, by ${how}, the findings still open after audit ${f.original.id} (revision ${f.original.revision}, ${f.original.startDate} to ${f.original.endDate}). `
    + `That audit and its signed report are unchanged (content hash ${f.original.contentHash ?? '—'}).`, STYLE.body, { after: 8 });
  w.facts([
    ['Grade of the audit followed up', f.gradeBefore ?? '—'],
    ['Grade after this follow-up', f.gradeAfter ?? 'not re-graded: the checklist has no rating scheme'],
  ]);
  if (f.gradeAfter && f.gradeColor) w.banner(`New grade ${f.gradeAfter} (was ${f.gradeBefore ?? '—'})`, f.gradeColor, { size: 12, weight: 'bold', color: '#ffffff' });
  if (f.areas.length) {
    w.heading('Areas: old and new grade', STYLE.h3, 60);
    table(
      w,
      [{ label: 'Area', width: 4 }, { label: 'Re-audited', width: 1.2 }, { label: 'Before', width: 1.6 }, { label: 'After', width: 1.6 }],
      f.areas.map((a) => ({
        cells: [a.title, a.reaudited ? 'Yes' : 'No', `${a.before ?? '—'} (${pct(a.percentBefore)})`, `${a.after ?? '—'} (${pct(a.percentAfter)})`],
        cellStyle: [undefined, undefined, undefined, a.after !== a.before ? { size: 8.5, weight: 'bold' as const } : undefined],
      })),
    );
  }
  for (const c of f.caps) w.bullet(c, STYLE.small);
  w.paragraph(f.rule, STYLE.small, { after: 10 });

  w.heading('Findings followed up', STYLE.h2, 60);
  table(
    w,
    [{ label: 'Ref', width: 0.7 }, { label: 'Finding', width: 4.5 }, { label: 'Severity', width: 1.3 }, { label: 'Verification', width: 1.6 }],
    f.findings.map((x) => ({
      cells: [x.ref, x.prompt, severityLabel(x.severity, x.zeroTolerance), VERDICT[x.verification].label],
      cellStyle: [{ size: 8.5, weight: 'bold' as const }, undefined, { size: 8.5, weight: 'bold' as const, color: severityColor(x.severity) }, { size: 8.5, weight: 'bold' as const, color: VERDICT[x.verification].color }],
    })),
  );
  for (const x of f.findings) {
    w.heading(`${x.ref} · ${severityLabel(x.severity, x.zeroTolerance)} · ${x.prompt}`, STYLE.h3, 70);
    w.paragraph(x.sectionTitle, STYLE.small, { after: 3 });
    const pairs: Array<[string, string]> = [['Original finding', x.finding || '—']];
    x.actions.forEach((a, i) => {
      const n = x.actions.length > 1 ? ` ${i + 1}` : '';
      pairs.push([`Corrective action${n}`, `${a.action}\nOwner: ${a.owner}. Due: ${a.due}. ${a.status}.`]);
      if (a.closureEvidence.length) pairs.push([`Closure evidence${n}`, a.closureEvidence.join('\n')]);
    });
    if (!x.actions.length) pairs.push(['Corrective action', 'None was agreed.']);
    pairs.push(['Verification', VERDICT[x.verification].label], ['Evidence seen', x.evidence || '—'], ['Notes', x.verificationNote || '—']);
    w.facts(pairs, 120);
  }
  w.heading('New findings raised in this follow-up', STYLE.h2, 60);
  if (!f.newFindings.length) w.paragraph('None.', STYLE.body);
  for (const n of f.newFindings) {
    w.paragraph(`${severityLabel(n.severity, n.zeroTolerance)} · ${n.sectionTitle} · ${n.prompt}`, { ...STYLE.body, weight: 'bold', color: severityColor(n.severity) }, { after: 2 });
    if (n.note) w.paragraph(n.note, STYLE.body, { after: 6 });
  }
}
