// The site's legal profile in the site form: prefilled from a bundled
// country profile (with its sources) and editable value by value. Empty
// means the law sets no figure or it is not known: the checks then say they
// cannot judge, or apply the ETI limit.
import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { ETI_OVERTIME_RATE } from '../../../shared/checks';
import { WAGE_PERIODS, type CountryLegalProfile, type LegalProfile } from '../../../shared/domain/legal-profile';
import type { SiteFormInput } from '../../../shared/domain/site';
import { Field } from './Field';
import { FormNumber } from './FormNumber';
import { Trans, useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../i18n/format';

type NumberKey = { [K in keyof LegalProfile]: LegalProfile[K] extends number | null ? K : never }[keyof LegalProfile];

interface Props {
  control: Control<SiteFormInput>;
  register: UseFormRegister<SiteFormInput>;
  errors: FieldErrors<SiteFormInput>;
  profile: LegalProfile;
  /** The bundled profile of the chosen country, if there is one. */
  countryProfile: CountryLegalProfile | undefined;
  onFill(p: CountryLegalProfile): void;
  onValidity(field: string, message: string | null): void;
}

// Labels and hints are keys of the forms namespace (legal.<key>, legal.<key>Hint).
const NUMBERS: Array<{ key: NumberKey; hint?: boolean; max?: number; integer?: boolean; min?: number; unit?: 'hours' | 'days'; required?: boolean }> = [
  { key: 'minWage', hint: true },
  { key: 'overtimeRate', hint: true, min: 1, max: 5, required: true },
  { key: 'nightRate', hint: true, min: 1, max: 5 },
  { key: 'restDayRate', hint: true, min: 1, max: 5 },
  { key: 'holidayRate', hint: true, min: 1, max: 5 },
  { key: 'regularHoursPerDay', max: 24, unit: 'hours' },
  { key: 'regularHoursPerWeek', max: 168, unit: 'hours' },
  { key: 'maxHoursPerDay', hint: true, max: 24, unit: 'hours' },
  { key: 'maxHoursPerWeek', hint: true, max: 168, unit: 'hours' },
  { key: 'restDaysPerWeek', max: 7, integer: true, unit: 'days' },
];

export function LegalProfileFields({ control, register, errors, profile, countryProfile, onFill, onValidity }: Props) {
  const e = errors.legal;
  const { t } = useTranslation('forms');
  const f = useLocaleFormat();
  return (
    <fieldset className="field field--wide legal-profile">
      <legend>{t('legal.legend')}</legend>
      <p className="field__hint">{t('legal.intro')}</p>
      {countryProfile && (
        <div className="legal-profile__fill">
          <button type="button" className="btn btn--small" onClick={() => onFill(countryProfile)}>
            {t('legal.fill', { name: countryProfile.name.split(' — ')[0] })}
          </button>
          <span className="text-muted">{t('legal.checked', { name: countryProfile.name, date: f.day(countryProfile.researched) })}</span>
        </div>
      )}
      <div className="form__grid">
        <Field label={t('legal.wagePeriod')} hint={t('legal.wagePeriodHint')} error={e?.wagePeriod?.message}>
          <select {...register('legal.wagePeriod')}>
            {WAGE_PERIODS.map((p) => <option key={p} value={p}>{t(`legal.per.${p}`)}</option>)}
          </select>
        </Field>
        {NUMBERS.map((n) => (
          <Controller
            key={n.key}
            control={control}
            name={`legal.${n.key}`}
            render={({ field }) => (
              <FormNumber
                label={t(`legal.${n.key}`)}
                hint={n.hint ? t(`legal.${n.key}Hint`) : undefined}
                min={n.min}
                max={n.max}
                integer={n.integer}
                unit={n.unit ? t(`unit.${n.unit}`) : undefined}
                required={n.required}
                value={field.value as number | null | undefined}
                error={e?.[n.key]?.message}
                onChange={(v) => field.onChange(v)}
                onValidity={(m) => onValidity(`legal.${n.key}`, m)}
              />
            )}
          />
        ))}
        <Field label={t('legal.nightWindow')} hint={t('legal.nightWindowHint')} error={e?.nightWindow?.message}>
          <input type="text" maxLength={40} {...register('legal.nightWindow')} />
        </Field>
        <label className="check field--wide">
          <input type="checkbox" {...register('legal.twoDaysOffIn14')} />
          {t('legal.twoDaysOff')}
        </label>
        {profile.overtimeRate < ETI_OVERTIME_RATE && (
          <p className="banner banner--warn field--wide" role="status">
            {t('legal.lowOvertime', { rate: f.number(ETI_OVERTIME_RATE) })}
          </p>
        )}
        <Field label={t('legal.notes')} className="field--wide" error={e?.notes?.message}>
          <textarea rows={4} maxLength={4000} {...register('legal.notes')} />
        </Field>
      </div>
      {profile.sources.length > 0 && (
        <div className="legal-profile__sources">
          <h3>{t('legal.sources')}</h3>
          <ul>
            {profile.sources.map((s) => (
              <li key={s.title}>{s.url ? <Trans t={t} i18nKey="legal.source" values={{ title: s.title, url: s.url }} components={{ mono: <span className="mono" /> }} /> : s.title}</li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
