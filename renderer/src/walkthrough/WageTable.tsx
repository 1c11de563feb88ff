import { wageBasisText, type WageSite } from '../../../shared/checks';
import { WAGE_PERIODS, type WagePeriod } from '../../../shared/domain/legal-profile';
import type { HoursRow, WageRow } from '../../../shared/domain/response';
import { NumberCell } from './NumberCell';
import { SampleTable, WorkerCell } from './SampleTable';
import { wageRowVerdicts } from './verdicts';

interface Props {
  rows: WageRow[];
  site: WageSite;
  /** The audit's hours sample: a worker's overtime there must be paid here. */
  hours?: readonly HoursRow[];
  minSample?: number;
  readOnly: boolean;
  onChange(rows: WageRow[], typing: boolean): void;
}

/** A new row asserts nothing: its amounts are empty until entered, so it is not judged. */
export const emptyWageRow = (n: number, period: WageRow['period']): WageRow => ({
  worker: `W${n}`, period, basePay: null, regularHours: null, daysWorked: null, overtimeHours: null, overtimePay: null,
  recordedHours: null, nightHours: null, nightPay: null,
});

const MONTH_HOURS = 744;

export function WageTable({ rows, site, hours, minSample, readOnly, onChange }: Props) {
  const verdicts = wageRowVerdicts(rows, site, { hours, minSample });
  const money = `in ${site.currency}`;
  return (
    <SampleTable
      caption="Wage sample, one row per worker and pay period"
      limits={site.legal.minWage === null
        ? `No legal minimum wage is entered for this site: edit the site's legal profile to check pay. ${wageBasisText(site)}`
        : wageBasisText(site)}
      headers={['Worker', 'Paid per', 'Base pay', 'Days worked', 'Regular h', 'Overtime h', 'Overtime pay', 'Recorded h', 'Night h', 'Night pay']}
      rows={rows}
      verdicts={verdicts.rows}
      warnings={verdicts.warnings}
      testId="wage"
      readOnly={readOnly}
      addLabel="Add worker"
      newRow={(n) => emptyWageRow(n, site.legal.wagePeriod)}
      onChange={onChange}
      cells={(r, n, set) => (
        <>
          <WorkerCell n={n} value={r.worker} readOnly={readOnly} onChange={(worker) => set({ worker })} />
          <td>
            <select aria-label={`Row ${n} pay period`} value={r.period} disabled={readOnly} onChange={(e) => set({ period: e.target.value as WagePeriod }, false)}>
              {WAGE_PERIODS.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </td>
          <td><NumberCell label={`Row ${n} base pay`} value={r.basePay} unit={money} disabled={readOnly} onChange={(v) => set({ basePay: v })} /></td>
          <td><NumberCell label={`Row ${n} days worked`} integer max={31} unit="days" value={r.daysWorked ?? null} disabled={readOnly} onChange={(v) => set({ daysWorked: v })} /></td>
          <td><NumberCell label={`Row ${n} regular hours`} value={r.regularHours} max={MONTH_HOURS} unit="hours" disabled={readOnly} onChange={(v) => set({ regularHours: v })} /></td>
          <td><NumberCell label={`Row ${n} overtime hours`} value={r.overtimeHours} max={MONTH_HOURS} unit="hours" disabled={readOnly} onChange={(v) => set({ overtimeHours: v })} /></td>
          <td><NumberCell label={`Row ${n} overtime pay`} value={r.overtimePay} unit={money} disabled={readOnly} onChange={(v) => set({ overtimePay: v })} /></td>
          <td><NumberCell label={`Row ${n} recorded hours`} value={r.recordedHours ?? null} max={MONTH_HOURS} unit="hours" disabled={readOnly} onChange={(v) => set({ recordedHours: v })} /></td>
          <td><NumberCell label={`Row ${n} night hours`} value={r.nightHours ?? null} max={MONTH_HOURS} unit="hours" disabled={readOnly} onChange={(v) => set({ nightHours: v })} /></td>
          <td><NumberCell label={`Row ${n} night pay`} value={r.nightPay ?? null} unit={money} disabled={readOnly} onChange={(v) => set({ nightPay: v })} /></td>
        </>
      )}
    />
  );
}
