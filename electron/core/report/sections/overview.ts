// Chapters 1 and 2: the audit's scope and method, then the summary a busy
// reader stops at.
import type { ReportData } from '../types';
import { percent, severityColor, severityLabel } from '../layout/format';
import { table } from '../layout/table';
import { COLORS, STYLE, type Writer } from '../layout/writer';
import { count, text } from '../strings';

export function details(w: Writer, d: ReportData): void {
  w.chapter(text('ch.details'), true);
  w.facts([
    ['Site', d.site.name],
    ['Address', [d.site.address, d.site.country].filter(Boolean).join(', ')],
    ['Shifts', d.site.shifts],
    ['Headcount', d.site.headcount === null ? '' : String(d.site.headcount)],
    ['Time on site', d.audit.timeOnSite],
    ['Auditor', `${d.auditor.name}, ${d.auditor.organisation} (auditor ID ${d.auditor.auditorId})`],
  ]);
  w.heading('Scope');
  w.paragraph(d.audit.scope || 'No scope statement was recorded.');
  w.gap(4);
  if (d.audit.notes.length) {
    w.heading('How the audit was done');
    for (const n of d.audit.notes) w.paragraph(n);
    w.gap(4);
  }
  w.heading('Sample sizes');
  if (d.audit.sampleSizes.length) {
    table(w, [{ label: 'Sample', width: 3 }, { label: 'Size', width: 1, align: 'right' }], d.audit.sampleSizes.map((s) => ({ cells: [s.label, s.value] })));
  } else w.paragraph('No samples were recorded.');
  w.heading('Documents reviewed');
  if (d.audit.documentsReviewed.length) {
    table(w, [{ label: '#', width: 0.4, align: 'right' }, { label: 'Document', width: 8 }], d.audit.documentsReviewed.map((doc, i) => ({ cells: [String(i + 1), doc] })));
  } else w.paragraph('No documents were recorded as reviewed.');
}

export function summary(w: Writer, d: ReportData): void {
  w.chapter(text('ch.summary'));
  const c = d.score.counts;
  const outcome = d.score.zeroTolerance
    ? `The site FAILS this audit because of a zero-tolerance issue, whatever its score (${percent(d.score.percent)}, band ${d.score.band}).`
    : `The site scored ${percent(d.score.percent)} overall, rating band ${d.score.band}.`;
  const found = d.findings.length
    ? `${count(d.findings.length, 'finding')} ${d.findings.length === 1 ? 'was' : 'were'} recorded: ${c.critical} critical, ${c.major} major and ${c.minor} minor.`
    : 'No non-compliance was recorded.';
  const agreed = d.actions.length ? `${count(d.actions.length, 'action')} ${d.actions.length === 1 ? 'was' : 'were'} agreed with the site.` : 'No corrective action was agreed.';
  const good = d.goodPractices?.length ? ` ${count(d.goodPractices.length, 'item')} ${d.goodPractices.length === 1 ? 'was' : 'were'} recorded as good practice.` : '';
  w.paragraph(`${outcome} ${found} ${agreed}${good}`, { ...STYLE.body, size: 10 });
  w.gap(4);
  w.heading('Scores by section');
  table(
    w,
    [
      { label: 'Section', width: 5 },
      { label: 'Score', width: 1.1, align: 'right' },
      { label: 'Answered', width: 1.3, align: 'right' },
      { label: 'Non-compliant', width: 1.5, align: 'right' },
    ],
    d.sections.map((s) => ({
      cells: [s.title, percent(s.percent), `${s.answered} of ${s.total}`, String(s.nonCompliant)],
      cellStyle: [undefined, { size: 8.5, weight: 'bold', color: scoreColor(s.percent) }, undefined, s.nonCompliant ? { size: 8.5, weight: 'bold', color: COLORS.bad } : undefined],
    })),
  );
  w.heading('Non-compliances by severity');
  table(
    w,
    [{ label: 'Severity', width: 3 }, { label: 'Count', width: 1, align: 'right' }],
    (['critical', 'major', 'minor'] as const).map((s) => ({
      cells: [severityLabel(s), String(c[s])],
      // A zero count is not an alarm: it is printed in neutral grey.
      cellStyle: [{ size: 8.5, weight: 'bold', color: c[s] ? severityColor(s) : COLORS.muted }, c[s] ? undefined : { size: 8.5, color: COLORS.muted }],
    })),
  );
  w.heading('Key findings');
  if (!d.keyFindings.length) w.paragraph('No non-compliance was found.');
  for (const k of d.keyFindings) w.bullet(k);
}

function scoreColor(p: number | null): string {
  if (p === null) return COLORS.muted;
  if (p >= 85) return COLORS.ok;
  if (p >= 60) return COLORS.warn;
  return COLORS.bad;
}
