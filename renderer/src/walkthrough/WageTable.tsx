import type { WageRow } from '../../../shared/domain/response';
import type { Site } from '../../../shared/domain/site';
import { NumberCell } from './NumberCell';
import { SampleTable, WorkerCell } from './SampleTable';
import { wageRowVerdicts } from './verdicts';

interface Props {
  rows: WageRow[];
  site: Site;
  readOnly: boolean;
  onChange(rows: WageRow[], typing: boolean): void;
}

export const emptyWageRow = (n: number, period: WageRow['period']): WageRow => ({
  worker: `W${n}`, period, basePay: 0, regularHours: 0, overtimeHours: 0, overtimePay: 0,
});

export function WageTable({ rows, site, readOnly, onChange }: Props) {
  return (
    <SampleTable
      caption="Wage sample, one row per worker and pay period"
      limits={site.minWage === null
        ? 'No legal minimum wage is set for this site: edit the site to check pay.'
        : `Legal minimum: ${site.minWage} ${site.currency} per ${site.minWagePeriod}; overtime paid at ×${site.overtimeRate}.`}
      headers={['Worker', 'Pay period', 'Base pay', 'Regular h', 'Overtime h', 'Overtime pay']}
      rows={rows}
      verdicts={wageRowVerdicts(rows, site)}
      testId="wage"
      readOnly={readOnly}
      addLabel="Add worker"
      newRow={(n) => emptyWageRow(n, site.minWagePeriod)}
      onChange={onChange}
      cells={(r, n, set) => (
        <>
          <WorkerCell n={n} value={r.worker} readOnly={readOnly} onChange={(worker) => set({ worker })} />
          <td>
            <select aria-label={`Row ${n} pay period`} value={r.period} disabled={readOnly} onChange={(e) => set({ period: e.target.value === 'hour' ? 'hour' : 'month' }, false)}>
              <option value="month">month</option><option value="hour">hour</option>
            </select>
          </td>
          <td><NumberCell label={`Row ${n} base pay`} value={r.basePay} disabled={readOnly} onChange={(v) => set({ basePay: v ?? 0 })} /></td>
          <td><NumberCell label={`Row ${n} regular hours`} value={r.regularHours} disabled={readOnly} onChange={(v) => set({ regularHours: Math.min(v ?? 0, 744) })} /></td>
          <td><NumberCell label={`Row ${n} overtime hours`} value={r.overtimeHours} disabled={readOnly} onChange={(v) => set({ overtimeHours: Math.min(v ?? 0, 744) })} /></td>
          <td><NumberCell label={`Row ${n} overtime pay`} value={r.overtimePay} disabled={readOnly} onChange={(v) => set({ overtimePay: v ?? 0 })} /></td>
        </>
      )}
    />
  );
}
