import { useState } from 'react';
import { hoursLimitsText, type HoursLimits } from '../../../shared/checks';
import type { LegalProfile } from '../../../shared/domain/legal-profile';
import { DAYS_RECORDED, HOURS_IN_WEEK, type HoursRow } from '../../../shared/domain/response';
import { formatNumber } from '../../../shared/locale-number';
import { useNumberLocale } from '../api/locale';
import { NumberCell } from './NumberCell';
import { SampleTable, WorkerCell } from './SampleTable';
import { hoursRowVerdicts } from './verdicts';

interface Props {
  rows: HoursRow[];
  limits: HoursLimits;
  /** The site's law, where stricter than the template's limits. */
  legal?: LegalProfile | null;
  minSample?: number;
  readOnly: boolean;
  onChange(rows: HoursRow[], typing: boolean): void;
}

/** A new row asserts nothing: its figures are empty until entered, so it is not judged. */
export const emptyHoursRow = (n: number): HoursRow => ({
  worker: `W${n}`, weekStart: '', contracted: null, overtime: null, daysWorked: null, voluntary: null,
});

const VOLUNTARY = [['', 'Not answered'], ['yes', 'Yes'], ['no', 'No']] as const;
const voluntaryValue = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');

function dayLabel(weekStart: string, i: number, locale: string): string {
  if (!weekStart) return `Day ${i + 1}`;
  const d = new Date(`${weekStart}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + i);
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(d);
}

/** The 14-day daily record of one worker, opened from the row. */
function DaysRecord({ row, n, readOnly, set }: { row: HoursRow; n: number; readOnly: boolean; set(patch: Partial<HoursRow>, typing?: boolean): void }) {
  const locale = useNumberLocale();
  const days = row.days ?? [];
  const put = (i: number, v: number | null) => {
    const next = Array.from({ length: DAYS_RECORDED }, (_, j) => (j === i ? v : days[j] ?? null));
    set({ days: next });
  };
  return (
    <fieldset className="days14">
      <legend className="sr-only">Row {n} hours worked each day for 14 days</legend>
      {Array.from({ length: DAYS_RECORDED }, (_, i) => (
        <label key={i}>
          <span>{dayLabel(row.weekStart, i, locale)}</span>
          <NumberCell label={`Row ${n} day ${i + 1} hours`} value={days[i] ?? null} max={24} unit="hours" disabled={readOnly} onChange={(v) => put(i, v)} />
        </label>
      ))}
      <p className="text-muted">Hours worked each day from the week start; 0 for a day off, empty if not on the record.</p>
    </fieldset>
  );
}

export function HoursTable({ rows, limits, legal = null, minSample, readOnly, onChange }: Props) {
  const locale = useNumberLocale();
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set(rows.flatMap((r, i) => (r.days?.length ? [i] : []))));
  const verdicts = hoursRowVerdicts(rows, limits, { legal, minSample });
  const toggle = (i: number) => setOpen((s) => {
    const next = new Set(s);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    return next;
  });
  return (
    <SampleTable
      caption="Working-hours sample, one row per worker and week, with an optional 14-day daily record"
      limits={hoursLimitsText(limits, legal)}
      headers={['Worker', 'Week starting', 'Contracted h', 'Overtime h', 'Total h', 'Days worked', 'Voluntary OT', '14 days']}
      rows={rows}
      verdicts={verdicts.rows}
      warnings={verdicts.warnings}
      testId="hours"
      readOnly={readOnly}
      addLabel="Add worker-week"
      newRow={emptyHoursRow}
      onChange={onChange}
      cells={(r, n, set) => (
        <>
          <WorkerCell n={n} value={r.worker} readOnly={readOnly} onChange={(worker) => set({ worker })} />
          <td><input type="date" aria-label={`Row ${n} week starting`} value={r.weekStart} disabled={readOnly} onChange={(e) => set({ weekStart: e.target.value })} /></td>
          <td><NumberCell label={`Row ${n} contracted hours`} value={r.contracted} max={HOURS_IN_WEEK - (r.overtime ?? 0)} unit={r.overtime ? 'hours (with the overtime, at most 168 in 7 days)' : 'hours in 7 days'} disabled={readOnly} onChange={(v) => set({ contracted: v })} /></td>
          <td><NumberCell label={`Row ${n} overtime hours`} value={r.overtime} max={HOURS_IN_WEEK - (r.contracted ?? 0)} unit={r.contracted ? 'hours (with the contracted hours, at most 168 in 7 days)' : 'hours in 7 days'} disabled={readOnly} onChange={(v) => set({ overtime: v })} /></td>
          <td className="num-out" data-testid={`hours-total-${n}`}>{r.contracted === null || r.overtime === null ? '—' : formatNumber(r.contracted + r.overtime, locale)}</td>
          <td><NumberCell label={`Row ${n} days worked`} integer max={7} unit="days in 7" value={r.daysWorked} disabled={readOnly} onChange={(v) => set({ daysWorked: v })} /></td>
          <td>
            <select aria-label={`Row ${n} overtime voluntary`} value={voluntaryValue(r.voluntary)} disabled={readOnly} onChange={(e) => set({ voluntary: e.target.value === '' ? null : e.target.value === 'yes' }, false)}>
              {VOLUNTARY.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
            </select>
          </td>
          <td>
            <button type="button" className="btn btn--small btn--quiet" aria-expanded={open.has(n - 1)} onClick={() => toggle(n - 1)}>
              {r.days?.some((d) => d !== null) ? 'Edit' : 'Add'}<span className="sr-only"> row {n} 14-day record</span>
            </button>
          </td>
        </>
      )}
      detail={(r, n, set) => (open.has(n - 1) ? <DaysRecord row={r} n={n} readOnly={readOnly} set={set} /> : null)}
    />
  );
}
