import { useState } from 'react';
import { hoursLimitsMessage, type HoursLimits } from '../../../shared/checks';
import { sayMessage } from '../i18n/messages';
import type { LegalProfile } from '../../../shared/domain/legal-profile';
import { DAYS_RECORDED, HOURS_IN_WEEK, type HoursRow } from '../../../shared/domain/response';
import { formatNumber } from '../../../shared/locale-number';
import { useNumberLocale } from '../api/locale';
import { NumberCell } from './NumberCell';
import { SampleTable, WorkerCell } from './SampleTable';
import { hoursRowVerdicts } from './verdicts';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLocaleFormat } from '../i18n/format';

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

const VOLUNTARY = [['', 'item.notAnswered'], ['yes', 'yes'], ['no', 'no']] as const;
const voluntaryValue = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');

function dayLabel(weekStart: string, i: number, locale: string, t: TFunction): string {
  if (!weekStart) return t('hours.day', { day: i + 1 });
  const d = new Date(`${weekStart}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + i);
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(d);
}

/** The 14-day daily record of one worker, opened from the row. */
function DaysRecord({ row, n, readOnly, set }: { row: HoursRow; n: number; readOnly: boolean; set(patch: Partial<HoursRow>, typing?: boolean): void }) {
  const { language } = useLocaleFormat();
  const { t } = useTranslation('walkthrough');
  const days = row.days ?? [];
  const put = (i: number, v: number | null) => {
    const next = Array.from({ length: DAYS_RECORDED }, (_, j) => (j === i ? v : days[j] ?? null));
    set({ days: next });
  };
  return (
    <fieldset className="days14">
      <legend className="sr-only">{t('hours.daysLegend', { row: n })}</legend>
      {Array.from({ length: DAYS_RECORDED }, (_, i) => (
        <label key={i}>
          <span>{dayLabel(row.weekStart, i, language, t)}</span>
          <NumberCell label={t('hours.dayHours', { row: n, day: i + 1 })} value={days[i] ?? null} max={24} unit={t('unit.hours')} disabled={readOnly} onChange={(v) => put(i, v)} />
        </label>
      ))}
      <p className="text-muted">{t('hours.daysHint')}</p>
    </fieldset>
  );
}

export function HoursTable({ rows, limits, legal = null, minSample, readOnly, onChange }: Props) {
  const locale = useNumberLocale();
  const { t } = useTranslation('walkthrough');
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
      caption={t('hours.caption')}
      limits={sayMessage(hoursLimitsMessage(limits, legal))}
      headers={['worker', 'weekStart', 'contracted', 'overtime', 'total', 'daysWorked', 'voluntary', 'days14'].map((h) => t(`hours.col.${h}`))}
      rows={rows}
      verdicts={verdicts.rows}
      warnings={verdicts.warnings}
      testId="hours"
      readOnly={readOnly}
      addLabel={t('hours.add')}
      newRow={emptyHoursRow}
      onChange={onChange}
      cells={(r, n, set) => (
        <>
          <WorkerCell n={n} value={r.worker} readOnly={readOnly} onChange={(worker) => set({ worker })} />
          <td><input type="date" aria-label={t('hours.weekStart', { row: n })} value={r.weekStart} disabled={readOnly} onChange={(e) => set({ weekStart: e.target.value })} /></td>
          <td><NumberCell label={t('hours.contracted', { row: n })} value={r.contracted} max={HOURS_IN_WEEK - (r.overtime ?? 0)} unit={r.overtime ? t('unit.withOvertime') : t('unit.hoursIn7')} disabled={readOnly} onChange={(v) => set({ contracted: v })} /></td>
          <td><NumberCell label={t('hours.overtime', { row: n })} value={r.overtime} max={HOURS_IN_WEEK - (r.contracted ?? 0)} unit={r.contracted ? t('unit.withContracted') : t('unit.hoursIn7')} disabled={readOnly} onChange={(v) => set({ overtime: v })} /></td>
          <td className="num-out" data-testid={`hours-total-${n}`}>{r.contracted === null || r.overtime === null ? '—' : formatNumber(r.contracted + r.overtime, locale)}</td>
          <td><NumberCell label={t('hours.daysWorked', { row: n })} integer max={7} unit={t('unit.daysIn7')} value={r.daysWorked} disabled={readOnly} onChange={(v) => set({ daysWorked: v })} /></td>
          <td>
            <select aria-label={t('hours.voluntary', { row: n })} value={voluntaryValue(r.voluntary)} disabled={readOnly} onChange={(e) => set({ voluntary: e.target.value === '' ? null : e.target.value === 'yes' }, false)}>
              {VOLUNTARY.map(([v, label]) => <option key={v} value={v}>{t(label)}</option>)}
            </select>
          </td>
          <td>
            <button type="button" className="btn btn--small btn--quiet" aria-expanded={open.has(n - 1)} onClick={() => toggle(n - 1)}>
              <Trans t={t} i18nKey={r.days?.some((d) => d !== null) ? 'hours.editDays' : 'hours.addDays'} values={{ row: n }} components={{ sr: <span className="sr-only" /> }} />
            </button>
          </td>
        </>
      )}
      detail={(r, n, set) => (open.has(n - 1) ? <DaysRecord row={r} n={n} readOnly={readOnly} set={set} /> : null)}
    />
  );
}
