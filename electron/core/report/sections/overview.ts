// Chapters 1 and 2: the audit's scope and method, then the summary a busy
// reader stops at.
import type { ReportData } from '../types';
import { percent, severityColor, severityLabel } from '../layout/format';
import { table } from '../layout/table';
import { COLORS, STYLE, type Writer } from '../layout/writer';
import { count, reportLanguage, text } from '../strings';

export function details(w: Writer, d: ReportData): void {
  w.chapter(text('ch.details'), true);
  w.facts([
    [text('det.site'), d.site.name],
    [text('det.address'), [d.site.address, d.site.country].filter(Boolean).join(', ')],
    [text('det.shifts'), d.site.shifts],
    [text('det.headcount'), d.site.headcount === null ? '' : String(d.site.headcount)],
    [text('det.timeOnSite'), d.audit.timeOnSite],
    [text('det.auditor'), text('det.auditorValue', { name: d.auditor.name, organisation: d.auditor.organisation, id: d.auditor.auditorId })],
  ]);
  w.heading(text('det.scope'));
  w.paragraph(d.audit.scope || text('det.noScope'));
  w.gap(4);
  if (d.audit.notes.length) {
    w.heading(text('det.how'));
    for (const n of d.audit.notes) w.paragraph(n);
    w.gap(4);
  }
  w.heading(text('det.samples'));
  if (d.audit.sampleSizes.length) {
    table(w, [{ label: text('det.colSample'), width: 3 }, { label: text('det.colSize'), width: 1, align: 'right' }], d.audit.sampleSizes.map((s) => ({ cells: [s.label, s.value] })));
  } else w.paragraph(text('det.noSamples'));
  w.heading(text('det.documents'));
  if (d.audit.documentsReviewed.length) {
    table(w, [{ label: '#', width: 0.4, align: 'right' }, { label: text('det.colDocument'), width: 8 }], d.audit.documentsReviewed.map((doc, i) => ({ cells: [String(i + 1), doc] })));
  } else w.paragraph(text('det.noDocuments'));
}

export function summary(w: Writer, d: ReportData): void {
  w.chapter(text('ch.summary'));
  const c = d.score.counts;
  const score = { percent: percent(d.score.percent), band: d.score.band };
  const outcome = text(d.score.zeroTolerance ? 'sum.fails' : 'sum.scored', score);
  const one = (n: number) => new Intl.PluralRules(reportLanguage()).select(n) === 'one';
  const found = d.findings.length
    ? text(one(d.findings.length) ? 'sum.foundOne' : 'sum.foundMany', { findings: count(d.findings.length, 'finding'), critical: c.critical, major: c.major, minor: c.minor })
    : text('sum.noneFound');
  const agreed = d.actions.length ? text(one(d.actions.length) ? 'sum.agreedOne' : 'sum.agreedMany', { actions: count(d.actions.length, 'action') }) : text('sum.noneAgreed');
  const good = d.goodPractices?.length ? ` ${text(one(d.goodPractices.length) ? 'sum.goodOne' : 'sum.goodMany', { items: count(d.goodPractices.length, 'item') })}` : '';
  w.paragraph(`${outcome} ${found} ${agreed}${good}`, { ...STYLE.body, size: 10 });
  w.gap(4);
  w.heading(text('sum.scores'));
  table(
    w,
    [
      { label: text('sum.colSection'), width: 5 },
      { label: text('sum.colScore'), width: 1.1, align: 'right' },
      { label: text('sum.colAnswered'), width: 1.3, align: 'right' },
      { label: text('sum.colNonCompliant'), width: 1.5, align: 'right' },
    ],
    d.sections.map((s) => ({
      cells: [s.title, percent(s.percent), text('sum.answeredOf', { answered: s.answered, total: s.total }), String(s.nonCompliant)],
      cellStyle: [undefined, { size: 8.5, weight: 'bold', color: scoreColor(s.percent) }, undefined, s.nonCompliant ? { size: 8.5, weight: 'bold', color: COLORS.bad } : undefined],
    })),
  );
  w.heading(text('sum.bySeverity'));
  table(
    w,
    [{ label: text('sum.colSeverity'), width: 3 }, { label: text('sum.colCount'), width: 1, align: 'right' }],
    (['critical', 'major', 'minor'] as const).map((s) => ({
      cells: [severityLabel(s), String(c[s])],
      // A zero count is not an alarm: it is printed in neutral grey.
      cellStyle: [{ size: 8.5, weight: 'bold', color: c[s] ? severityColor(s) : COLORS.muted }, c[s] ? undefined : { size: 8.5, color: COLORS.muted }],
    })),
  );
  w.heading(text('sum.key'));
  if (!d.keyFindings.length) w.paragraph(text('sum.noKey'));
  for (const k of d.keyFindings) w.bullet(k);
}

function scoreColor(p: number | null): string {
  if (p === null) return COLORS.muted;
  if (p >= 85) return COLORS.ok;
  if (p >= 60) return COLORS.warn;
  return COLORS.bad;
}
