// The wage and hours samples as report tables, with the same verdicts the
// app shows while auditing (shared/checks), so report and screen agree.
import type { Response, HoursRow, WageRow } from '../../../shared/domain/response';
import type { Site } from '../../../shared/domain/site';
import type { TemplateItem } from '../../../shared/template/schema';
import { hoursLimitsText, hoursVerdict, wageBasisText, wageVerdict, type CheckVerdict } from '../../../shared/checks';
import type { AnalysisTable } from './types';
import { countOf } from './strings';

const num = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(Math.round(n * 100) / 100));
// The sample's warnings (too few workers, rows not judged) follow its summary.
const withWarnings = (summary: string, v: CheckVerdict): string => [summary, ...v.warnings].join(' ');
const reasonOf = (reasons: string[], status: string): string => (status === 'fail' ? reasons.join('; ') : status === 'unknown' ? `Cannot check: ${reasons.join('; ')}` : 'Within limits');

export function analysisTables(items: Array<{ item: TemplateItem; response: Response | undefined }>, site: Site): AnalysisTable[] {
  const out: AnalysisTable[] = [];
  const hours = items.flatMap(({ response }) => (response?.value?.kind === 'hours' ? response.value.rows : []));
  for (const { item, response } of items) {
    const v = response?.value;
    if (item.kind === 'hours' && v?.kind === 'hours' && v.rows.length) out.push(hoursTable(item, v.rows, site));
    if (item.kind === 'wage' && v?.kind === 'wage' && v.rows.length) out.push(wageTable(item, v.rows, site, hours));
  }
  return out;
}

function hoursTable(item: Extract<TemplateItem, { kind: 'hours' }>, rows: HoursRow[], site: Site): AnalysisTable {
  const verdict = hoursVerdict(rows, item.limits, { legal: site.legal, minSample: item.minSample });
  return {
    title: item.prompt,
    basis: hoursLimitsText(item.limits, site.legal),
    columns: [
      { label: 'Worker', width: 1.1 },
      { label: 'Week of', width: 1.4 },
      { label: 'Contracted h', width: 1.35, align: 'right' },
      { label: 'Overtime h', width: 1.2, align: 'right' },
      { label: 'Total h', width: 0.95, align: 'right' },
      { label: 'Days', width: 0.7, align: 'right' },
      { label: 'Voluntary', width: 1.2 },
      { label: 'Verdict', width: 3.3 },
    ],
    rows: rows.map((r, i) => {
      const rv = verdict.rows[i];
      return {
        cells: [r.worker || `row ${i + 1}`, r.weekStart || '—', num(r.contracted), num(r.overtime), num(r.contracted === null || r.overtime === null ? null : r.contracted + r.overtime), num(r.daysWorked), (r.overtime ?? 0) > 0 ? (r.voluntary === null ? 'not answered' : r.voluntary ? 'yes' : 'no') : '—', reasonOf(rv?.reasons ?? [], rv?.status ?? 'pass')],
        breach: rv?.status === 'fail',
      };
    }),
    summary: withWarnings(verdict.failedRows ? `${countOf(verdict.failedRows, rows.length, 'sampledWeek')} ${verdict.failedRows === 1 ? 'breaches' : 'breach'} the limits.` : `${rows.length === 1 ? 'The sampled week is' : `All ${rows.length} sampled weeks are`} within the limits.`, verdict),
  };
}

function wageTable(item: Extract<TemplateItem, { kind: 'wage' }>, rows: WageRow[], site: Site, hours: HoursRow[]): AnalysisTable {
  const verdict = wageVerdict(rows, site, { minSample: item.minSample, hours });
  return {
    title: item.prompt,
    basis: `${wageBasisText(site)} Amounts in ${site.currency}.`,
    columns: [
      { label: 'Worker', width: 1.1 },
      { label: 'Base pay', width: 1.2, align: 'right' },
      { label: 'Per', width: 0.8 },
      { label: 'Regular h', width: 1.15, align: 'right' },
      { label: 'Overtime h', width: 1.2, align: 'right' },
      { label: 'Overtime pay', width: 1.3, align: 'right' },
      { label: 'Verdict', width: 3.5 },
    ],
    rows: rows.map((r, i) => {
      const rv = verdict.rows[i];
      return {
        cells: [r.worker || `row ${i + 1}`, num(r.basePay), r.period, num(r.regularHours), num(r.overtimeHours), num(r.overtimePay), reasonOf(rv?.reasons ?? [], rv?.status ?? 'pass')],
        breach: rv?.status === 'fail',
      };
    }),
    summary: withWarnings(verdict.failedRows ? `${countOf(verdict.failedRows, rows.length, 'sampledRecord')} ${verdict.failedRows === 1 ? 'breaches' : 'breach'} the rules.` : verdict.status === 'unknown' ? 'Some records could not be checked (see the verdicts).' : `${rows.length === 1 ? 'The sampled pay record meets' : `All ${rows.length} sampled pay records meet`} the rules.`, verdict),
  };
}
