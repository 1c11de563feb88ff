// The frame both computed-check tables share: one row per sampled record,
// a live verdict per row, the reasons under the table, add and remove.
import { Fragment, type ReactNode } from 'react';
import { VerdictBadge, VerdictReasons } from './Verdict';
import type { RowVerdict } from './verdicts';
import { Trans, useTranslation } from 'react-i18next';

interface Props<Row extends { worker: string }> {
  caption: string;
  limits: ReactNode;
  /** Column headings of the record's own cells. */
  headers: string[];
  rows: Row[];
  verdicts: RowVerdict[];
  /** About the sample as a whole: too few workers, rows not judged. */
  warnings?: string[];
  testId: string;
  readOnly: boolean;
  addLabel: string;
  newRow(n: number): Row;
  cells(row: Row, n: number, set: (patch: Partial<Row>, typing?: boolean) => void): ReactNode;
  /** A second line under a row (the 14-day record), or null. */
  detail?(row: Row, n: number, set: (patch: Partial<Row>, typing?: boolean) => void): ReactNode;
  onChange(rows: Row[], typing: boolean): void;
}

const UNKNOWN: RowVerdict = { level: 'unknown', reasons: [] };

export function SampleTable<Row extends { worker: string }>(p: Props<Row>) {
  const { rows, readOnly, onChange } = p;
  const set = (i: number) => (patch: Partial<Row>, typing = true) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)), typing);
  const breaches = p.verdicts.filter((v) => v.level === 'fail').length;
  const { t } = useTranslation('walkthrough');
  return (
    <div className="check-table">
      <p className="check-table__limits">{p.limits}</p>
      <div className="table-scroll">
        <table className="grid">
          <caption className="sr-only">{p.caption}</caption>
          <thead>
            <tr>
              {p.headers.map((h) => <th key={h} scope="col">{h}</th>)}
              <th scope="col">{t('table.verdict')}</th><th scope="col"><span className="sr-only">{t('table.remove')}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const detail = p.detail?.(r, i + 1, set(i));
              return (
                <Fragment key={i}>
                  <tr>
                    {p.cells(r, i + 1, set(i))}
                    <td data-testid={`${p.testId}-verdict-${i + 1}`}><VerdictBadge compact verdict={p.verdicts[i] ?? UNKNOWN} /></td>
                    <td>{!readOnly && <button type="button" className="btn btn--small btn--quiet" aria-label={t('table.removeRow', { row: i + 1 })} onClick={() => onChange(rows.filter((_, j) => j !== i), false)}>{t('table.remove')}</button>}</td>
                  </tr>
                  {detail && <tr className="grid__detail"><td colSpan={p.headers.length + 2}>{detail}</td></tr>}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {p.warnings?.length ? (
        <div className="banner banner--warn check-table__warnings" role="status" data-testid={`${p.testId}-warnings`}>
          {p.warnings.map((w) => <p key={w}><Trans t={t} i18nKey="table.warning" values={{ warning: w }} components={{ strong: <strong /> }} /></p>)}
        </div>
      ) : null}
      <VerdictReasons verdicts={p.verdicts} names={rows.map((r) => r.worker)} />
      <div className="check-table__foot">
        {!readOnly && <button type="button" className="btn btn--small" onClick={() => onChange([...rows, p.newRow(rows.length + 1)], false)}>{p.addLabel}</button>}
        <span role="status" className={breaches ? 'text-fail' : 'text-muted'}>
          {t('table.tally', { sampled: t('table.sampled', { count: rows.length }), breaches: t('table.breaches', { count: breaches }) })}
        </span>
      </div>
    </div>
  );
}

/** The worker cell both tables start with. */
export function WorkerCell({ n, value, readOnly, onChange }: { n: number; value: string; readOnly: boolean; onChange(v: string): void }) {
  const { t } = useTranslation('walkthrough');
  return <td><input type="text" aria-label={t('table.worker', { row: n })} value={value} disabled={readOnly} maxLength={40} onChange={(e) => onChange(e.target.value)} /></td>;
}
