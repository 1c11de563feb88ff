import { wageBasisMessage, type WageSite } from '../../../shared/checks';
import { sayMessage } from '../i18n/messages';
import { WAGE_PERIODS, type WagePeriod } from '../../../shared/domain/legal-profile';
import type { HoursRow, WageRow } from '../../../shared/domain/response';
import { NumberCell } from './NumberCell';
import { SampleTable, WorkerCell } from './SampleTable';
import { wageRowVerdicts } from './verdicts';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation('walkthrough');
  const money = t('unit.money', { currency: site.currency });
  return (
    <SampleTable
      caption={t('wage.caption')}
      limits={site.legal.minWage === null
        ? t('wage.noMinimum', { basis: sayMessage(wageBasisMessage(site)) })
        : sayMessage(wageBasisMessage(site))}
      headers={['worker', 'period', 'basePay', 'daysWorked', 'regular', 'overtime', 'overtimePay', 'recorded', 'night', 'nightPay'].map((h) => t(`wage.col.${h}`))}
      rows={rows}
      verdicts={verdicts.rows}
      warnings={verdicts.warnings}
      testId="wage"
      readOnly={readOnly}
      addLabel={t('wage.add')}
      newRow={(n) => emptyWageRow(n, site.legal.wagePeriod)}
      onChange={onChange}
      cells={(r, n, set) => (
        <>
          <WorkerCell n={n} value={r.worker} readOnly={readOnly} onChange={(worker) => set({ worker })} />
          <td>
            <select aria-label={t('wage.period', { row: n })} value={r.period} disabled={readOnly} onChange={(e) => set({ period: e.target.value as WagePeriod }, false)}>
              {WAGE_PERIODS.map((p) => <option key={p} value={p}>{t(`period.${p}`, { ns: 'terms' })}</option>)}
            </select>
          </td>
          <td><NumberCell label={t('wage.basePay', { row: n })} value={r.basePay} unit={money} disabled={readOnly} onChange={(v) => set({ basePay: v })} /></td>
          <td><NumberCell label={t('wage.daysWorked', { row: n })} integer max={31} unit={t('unit.days')} value={r.daysWorked ?? null} disabled={readOnly} onChange={(v) => set({ daysWorked: v })} /></td>
          <td><NumberCell label={t('wage.regular', { row: n })} value={r.regularHours} max={MONTH_HOURS} unit={t('unit.hours')} disabled={readOnly} onChange={(v) => set({ regularHours: v })} /></td>
          <td><NumberCell label={t('wage.overtime', { row: n })} value={r.overtimeHours} max={MONTH_HOURS} unit={t('unit.hours')} disabled={readOnly} onChange={(v) => set({ overtimeHours: v })} /></td>
          <td><NumberCell label={t('wage.overtimePay', { row: n })} value={r.overtimePay} unit={money} disabled={readOnly} onChange={(v) => set({ overtimePay: v })} /></td>
          <td><NumberCell label={t('wage.recorded', { row: n })} value={r.recordedHours ?? null} max={MONTH_HOURS} unit={t('unit.hours')} disabled={readOnly} onChange={(v) => set({ recordedHours: v })} /></td>
          <td><NumberCell label={t('wage.night', { row: n })} value={r.nightHours ?? null} max={MONTH_HOURS} unit={t('unit.hours')} disabled={readOnly} onChange={(v) => set({ nightHours: v })} /></td>
          <td><NumberCell label={t('wage.nightPay', { row: n })} value={r.nightPay ?? null} unit={money} disabled={readOnly} onChange={(v) => set({ nightPay: v })} /></td>
        </>
      )}
    />
  );
}
