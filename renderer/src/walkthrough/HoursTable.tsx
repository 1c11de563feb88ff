import type { HoursRow } from '../../../shared/domain/response';
import { NumberCell } from './NumberCell';
import { VerdictBadge, VerdictReasons } from './Verdict';
import type { HoursLimits } from '../../../shared/checks';
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
  const set = (i: number, patch: Partial<HoursRow>, typing = true) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)), typing);
  const verdicts = hoursRowVerdicts(rows, limits);
  const breaches = verdicts.filter((v) => v.level === 'fail').length;
  return (
    <div className="check-table">
      <p className="check-table__limits">
        Limits: contracted ≤ {limits.contracted} h, total ≤ {limits.total} h in 7 days, at most {limits.maxDaysWorked} days worked in 7, overtime voluntary.
      </p>
      <div className="table-scroll">
        <table className="grid">
          <caption className="sr-only">Working-hours sample, one row per worker and week</caption>
          <thead>
            <tr>
              <th scope="col">Worker</th><th scope="col">Week starting</th><th scope="col">Contracted h</th>
              <th scope="col">Overtime h</th><th scope="col">Total h</th><th scope="col">Days worked</th>
              <th scope="col">Voluntary OT</th><th scope="col">Verdict</th><th scope="col"><span className="sr-only">Remove</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const n = i + 1;
              return (
                <tr key={i}>
                  <td><input type="text" aria-label={`Row ${n} worker`} value={r.worker} disabled={readOnly} maxLength={40} onChange={(e) => set(i, { worker: e.target.value })} /></td>
                  <td><input type="date" aria-label={`Row ${n} week starting`} value={r.weekStart} disabled={readOnly} onChange={(e) => set(i, { weekStart: e.target.value })} /></td>
                  <td><NumberCell label={`Row ${n} contracted hours`} value={r.contracted} disabled={readOnly} onChange={(v) => set(i, { contracted: Math.min(v ?? 0, 168) })} /></td>
                  <td><NumberCell label={`Row ${n} overtime hours`} value={r.overtime} disabled={readOnly} onChange={(v) => set(i, { overtime: Math.min(v ?? 0, 168) })} /></td>
                  <td className="num-out" data-testid={`hours-total-${n}`}>{r.contracted + r.overtime}</td>
                  <td><NumberCell label={`Row ${n} days worked`} integer value={r.daysWorked} disabled={readOnly} onChange={(v) => set(i, { daysWorked: Math.min(v ?? 0, 7) })} /></td>
                  <td className="center"><input type="checkbox" aria-label={`Row ${n} overtime voluntary`} checked={r.voluntary} disabled={readOnly} onChange={(e) => set(i, { voluntary: e.target.checked }, false)} /></td>
                  <td data-testid={`hours-verdict-${n}`}><VerdictBadge compact verdict={verdicts[i] ?? { level: 'unknown', reasons: [] }} /></td>
                  <td>{!readOnly && <button type="button" className="btn btn--small btn--quiet" aria-label={`Remove row ${n}`} onClick={() => onChange(rows.filter((_, j) => j !== i), false)}>Remove</button>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <VerdictReasons verdicts={verdicts} names={rows.map((r) => r.worker)} />
      <div className="check-table__foot">
        {!readOnly && <button type="button" className="btn btn--small" onClick={() => onChange([...rows, emptyHoursRow(rows.length + 1)], false)}>Add worker-week</button>}
        <span role="status" className={breaches ? 'text-fail' : 'text-muted'}>
          {rows.length} sampled, {breaches} {breaches === 1 ? 'breach' : 'breaches'}
        </span>
      </div>
    </div>
  );
}
