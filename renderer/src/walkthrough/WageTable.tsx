import type { WageRow } from '../../../shared/domain/response';
import type { Site } from '../../../shared/domain/site';
import { NumberCell } from './NumberCell';
import { VerdictBadge, VerdictReasons } from './Verdict';
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
  const set = (i: number, patch: Partial<WageRow>, typing = true) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)), typing);
  const verdicts = wageRowVerdicts(rows, site);
  const breaches = verdicts.filter((v) => v.level === 'fail').length;
  return (
    <div className="check-table">
      <p className="check-table__limits">
        {site.minWage === null
          ? 'No legal minimum wage is set for this site: edit the site to check pay.'
          : `Legal minimum: ${site.minWage} ${site.currency} per ${site.minWagePeriod}; overtime paid at ×${site.overtimeRate}.`}
      </p>
      <div className="table-scroll">
        <table className="grid">
          <caption className="sr-only">Wage sample, one row per worker and pay period</caption>
          <thead>
            <tr>
              <th scope="col">Worker</th><th scope="col">Pay period</th><th scope="col">Base pay</th>
              <th scope="col">Regular h</th><th scope="col">Overtime h</th><th scope="col">Overtime pay</th>
              <th scope="col">Verdict</th><th scope="col"><span className="sr-only">Remove</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const n = i + 1;
              return (
                <tr key={i}>
                  <td><input type="text" aria-label={`Row ${n} worker`} value={r.worker} disabled={readOnly} maxLength={40} onChange={(e) => set(i, { worker: e.target.value })} /></td>
                  <td>
                    <select aria-label={`Row ${n} pay period`} value={r.period} disabled={readOnly} onChange={(e) => set(i, { period: e.target.value === 'hour' ? 'hour' : 'month' }, false)}>
                      <option value="month">month</option><option value="hour">hour</option>
                    </select>
                  </td>
                  <td><NumberCell label={`Row ${n} base pay`} value={r.basePay} disabled={readOnly} onChange={(v) => set(i, { basePay: v ?? 0 })} /></td>
                  <td><NumberCell label={`Row ${n} regular hours`} value={r.regularHours} disabled={readOnly} onChange={(v) => set(i, { regularHours: Math.min(v ?? 0, 744) })} /></td>
                  <td><NumberCell label={`Row ${n} overtime hours`} value={r.overtimeHours} disabled={readOnly} onChange={(v) => set(i, { overtimeHours: Math.min(v ?? 0, 744) })} /></td>
                  <td><NumberCell label={`Row ${n} overtime pay`} value={r.overtimePay} disabled={readOnly} onChange={(v) => set(i, { overtimePay: v ?? 0 })} /></td>
                  <td data-testid={`wage-verdict-${n}`}><VerdictBadge compact verdict={verdicts[i] ?? { level: 'unknown', reasons: [] }} /></td>
                  <td>{!readOnly && <button type="button" className="btn btn--small btn--quiet" aria-label={`Remove row ${n}`} onClick={() => onChange(rows.filter((_, j) => j !== i), false)}>Remove</button>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <VerdictReasons verdicts={verdicts} names={rows.map((r) => r.worker)} />
      <div className="check-table__foot">
        {!readOnly && <button type="button" className="btn btn--small" onClick={() => onChange([...rows, emptyWageRow(rows.length + 1, site.minWagePeriod)], false)}>Add worker</button>}
        <span role="status" className={breaches ? 'text-fail' : 'text-muted'}>
          {rows.length} sampled, {breaches} {breaches === 1 ? 'breach' : 'breaches'}
        </span>
      </div>
    </div>
  );
}
