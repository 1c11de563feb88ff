// The wage and hours samples as report tables, with the same verdicts the
// app shows while auditing (shared/checks), so report and screen agree.
import type { Response, HoursRow, WageRow } from '../../../shared/domain/response';
import type { Site } from '../../../shared/domain/site';
import type { TemplateItem } from '../../../shared/template/schema';
import { hoursLimitsMessage, hoursVerdict, wageBasisMessage, wageVerdict, type CheckVerdict, type RowVerdict } from '../../../shared/checks';
import type { AnalysisTable } from './types';
import { countOf, text } from './strings';
import { say } from './messages';

const num = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(Math.round(n * 100) / 100));
// The sample's warnings (too few workers, rows not judged) follow its summary.
const withWarnings = (summary: string, v: CheckVerdict): string => [summary, ...v.warningMessages.map((m) => say(m))].join(' ');
// The verdict of one row in the report's language.
const reasonOf = (rv: RowVerdict | undefined): string => {
  const reasons = (rv?.messages ?? []).map((m) => say(m)).join('; ');
  return rv?.status === 'fail' ? reasons : rv?.status === 'unknown' ? text('an.cannotCheck', { reasons }) : text('an.within');
};

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
    basis: say(hoursLimitsMessage(item.limits, site.legal)),
    columns: [
      { label: text('an.worker'), width: 1.1 },
      { label: text('an.weekOf'), width: 1.4 },
      { label: text('an.contracted'), width: 1.35, align: 'right' },
      { label: text('an.overtime'), width: 1.2, align: 'right' },
      { label: text('an.total'), width: 0.95, align: 'right' },
      { label: text('an.days'), width: 0.7, align: 'right' },
      { label: text('an.voluntary'), width: 1.2 },
      { label: text('an.verdict'), width: 3.3 },
    ],
    rows: rows.map((r, i) => {
      const rv = verdict.rows[i];
      return {
        cells: [r.worker || text('an.row', { n: i + 1 }), r.weekStart || '—', num(r.contracted), num(r.overtime), num(r.contracted === null || r.overtime === null ? null : r.contracted + r.overtime), num(r.daysWorked), (r.overtime ?? 0) > 0 ? text(r.voluntary === null ? 'an.notAnswered' : r.voluntary ? 'an.yes' : 'an.no') : '—', reasonOf(rv)],
        breach: rv?.status === 'fail',
      };
    }),
    summary: withWarnings(verdict.failedRows
      ? text(verdict.failedRows === 1 ? 'an.hoursBreachOne' : 'an.hoursBreachMany', { part: countOf(verdict.failedRows, rows.length, 'sampledWeek') })
      : rows.length === 1 ? text('an.hoursOneOk') : text('an.hoursAllOk', { n: rows.length }), verdict),
  };
}

function wageTable(item: Extract<TemplateItem, { kind: 'wage' }>, rows: WageRow[], site: Site, hours: HoursRow[]): AnalysisTable {
  const verdict = wageVerdict(rows, site, { minSample: item.minSample, hours });
  return {
    title: item.prompt,
    basis: text('an.amountsIn', { basis: say(wageBasisMessage(site)), currency: site.currency }),
    columns: [
      { label: text('an.worker'), width: 1.1 },
      { label: text('an.basePay'), width: 1.2, align: 'right' },
      { label: text('an.per'), width: 0.8 },
      { label: text('an.regular'), width: 1.15, align: 'right' },
      { label: text('an.overtime'), width: 1.2, align: 'right' },
      { label: text('an.overtimePay'), width: 1.3, align: 'right' },
      { label: text('an.verdict'), width: 3.5 },
    ],
    rows: rows.map((r, i) => {
      const rv = verdict.rows[i];
      return {
        cells: [r.worker || text('an.row', { n: i + 1 }), num(r.basePay), text(`an.per.${r.period}`), num(r.regularHours), num(r.overtimeHours), num(r.overtimePay), reasonOf(rv)],
        breach: rv?.status === 'fail',
      };
    }),
    summary: withWarnings(verdict.failedRows
      ? text(verdict.failedRows === 1 ? 'an.wageBreachOne' : 'an.wageBreachMany', { part: countOf(verdict.failedRows, rows.length, 'sampledRecord') })
      : verdict.status === 'unknown' ? text('an.wageUnknown') : rows.length === 1 ? text('an.wageOneOk') : text('an.wageAllOk', { n: rows.length }), verdict),
  };
}
