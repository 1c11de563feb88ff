import type { HoursLimits } from '../../../shared/checks';
import type { HoursRow } from '../../../shared/domain/response';
import { NumberCell } from './NumberCell';
import { SampleTable, WorkerCell } from './SampleTable';
import { hoursRowVerdicts } from './verdicts';

interface Props {
  rows: HoursRow[];
  limits: HoursLimits;
  readOnly: boolean;
  onChange(rows: HoursRow[], typing: boolean): void;
}

export const emptyHoursRow = (n: number): HoursRow => ({
  worker: `W${n}`, weekStart: '', contracted: 0, overtime: 0, daysWorked: 5, voluntary: true,
});

export function HoursTable({ rows, limits, readOnly, onChange }: Props) {
  return (
    <SampleTable
      caption="Working-hours sample, one row per worker and week"
      limits={`Limits: contracted ≤ ${limits.contracted} h, total ≤ ${limits.total} h in 7 days, at most ${limits.maxDaysWorked} days worked in 7, overtime voluntary.`}
      headers={['Worker', 'Week starting', 'Contracted h', 'Overtime h', 'Total h', 'Days worked', 'Voluntary OT']}
      rows={rows}
      verdicts={hoursRowVerdicts(rows, limits)}
      testId="hours"
      readOnly={readOnly}
      addLabel="Add worker-week"
      newRow={emptyHoursRow}
      onChange={onChange}
      cells={(r, n, set) => (
        <>
          <WorkerCell n={n} value={r.worker} readOnly={readOnly} onChange={(worker) => set({ worker })} />
          <td><input type="date" aria-label={`Row ${n} week starting`} value={r.weekStart} disabled={readOnly} onChange={(e) => set({ weekStart: e.target.value })} /></td>
          <td><NumberCell label={`Row ${n} contracted hours`} value={r.contracted} disabled={readOnly} onChange={(v) => set({ contracted: Math.min(v ?? 0, 168) })} /></td>
          <td><NumberCell label={`Row ${n} overtime hours`} value={r.overtime} disabled={readOnly} onChange={(v) => set({ overtime: Math.min(v ?? 0, 168) })} /></td>
          <td className="num-out" data-testid={`hours-total-${n}`}>{r.contracted + r.overtime}</td>
          <td><NumberCell label={`Row ${n} days worked`} integer value={r.daysWorked} disabled={readOnly} onChange={(v) => set({ daysWorked: Math.min(v ?? 0, 7) })} /></td>
          <td className="center"><input type="checkbox" aria-label={`Row ${n} overtime voluntary`} checked={r.voluntary} disabled={readOnly} onChange={(e) => set({ voluntary: e.target.checked }, false)} /></td>
        </>
      )}
    />
  );
}
