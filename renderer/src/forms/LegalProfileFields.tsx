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

const NUMBERS: Array<{ key: NumberKey; label: string; hint?: string; max?: number; integer?: boolean; min?: number; unit?: string; required?: boolean }> = [
  { key: 'minWage', label: 'Legal minimum wage', hint: 'Per the wage period, in the site currency. Leave empty until you have the current figure.' },
  { key: 'overtimeRate', label: 'Overtime rate', hint: 'Multiplier: 1.25 means paid at 125 %.', min: 1, max: 5, required: true },
  { key: 'nightRate', label: 'Night work rate', hint: 'Multiplier for hours in the night window: 1.1 means 10 % more.', min: 1, max: 5 },
  { key: 'restDayRate', label: 'Rest-day rate', hint: 'Multiplier for work on the rest day.', min: 1, max: 5 },
  { key: 'holidayRate', label: 'Holiday rate', hint: 'Multiplier for work on a public holiday.', min: 1, max: 5 },
  { key: 'regularHoursPerDay', label: 'Regular hours a day', max: 24, unit: 'hours' },
  { key: 'regularHoursPerWeek', label: 'Regular hours a week', max: 168, unit: 'hours' },
  { key: 'maxHoursPerDay', label: 'Maximum hours a day', hint: 'Including overtime; empty if the law sets none.', max: 24, unit: 'hours' },
  { key: 'maxHoursPerWeek', label: 'Maximum hours a week', hint: 'Including overtime; empty if the law sets none.', max: 168, unit: 'hours' },
  { key: 'restDaysPerWeek', label: 'Rest days a week', max: 7, integer: true, unit: 'days' },
];

export function LegalProfileFields({ control, register, errors, profile, countryProfile, onFill, onValidity }: Props) {
  const e = errors.legal;
  return (
    <fieldset className="field field--wide legal-profile">
      <legend>Legal profile</legend>
      <p className="field__hint">
        The law pay and hours are checked against. The ETI limits (48 regular hours, 60 in total in 7 days, one day off in 7, overtime at 125 % or more) apply wherever the law is laxer or silent.
      </p>
      {countryProfile && (
        <div className="legal-profile__fill">
          <button type="button" className="btn btn--small" onClick={() => onFill(countryProfile)}>
            Fill from the {countryProfile.name.split(' — ')[0]} profile
          </button>
          <span className="text-muted">{countryProfile.name}; checked {countryProfile.researched}. You can change every value.</span>
        </div>
      )}
      <div className="form__grid">
        <Field label="Wage period" hint="The period the legal minimum is set for." error={e?.wagePeriod?.message}>
          <select {...register('legal.wagePeriod')}>
            {WAGE_PERIODS.map((p) => <option key={p} value={p}>per {p}</option>)}
          </select>
        </Field>
        {NUMBERS.map((n) => (
          <Controller
            key={n.key}
            control={control}
            name={`legal.${n.key}`}
            render={({ field }) => (
              <FormNumber
                label={n.label}
                hint={n.hint}
                min={n.min}
                max={n.max}
                integer={n.integer}
                unit={n.unit}
                required={n.required}
                value={field.value as number | null | undefined}
                error={e?.[n.key]?.message}
                onChange={(v) => field.onChange(v)}
                onValidity={(m) => onValidity(`legal.${n.key}`, m)}
              />
            )}
          />
        ))}
        <Field label="Night window" hint="When the night rate applies, e.g. 22:00–06:00." error={e?.nightWindow?.message}>
          <input type="text" maxLength={40} {...register('legal.nightWindow')} />
        </Field>
        <label className="check field--wide">
          <input type="checkbox" {...register('legal.twoDaysOffIn14')} />
          The law allows two days off in every 14 instead of one in every 7 (ETI 6.6)
        </label>
        {profile.overtimeRate < ETI_OVERTIME_RATE && (
          <p className="banner banner--warn field--wide" role="status">
            The legal overtime rate is below ×{ETI_OVERTIME_RATE} (ETI 6.3): overtime is checked against ×{ETI_OVERTIME_RATE}.
          </p>
        )}
        <Field label="Notes on the law" className="field--wide" error={e?.notes?.message}>
          <textarea rows={4} maxLength={4000} {...register('legal.notes')} />
        </Field>
      </div>
      {profile.sources.length > 0 && (
        <div className="legal-profile__sources">
          <h3>Sources</h3>
          <ul>
            {profile.sources.map((s) => (
              <li key={s.title}>{s.title}{s.url ? <> — <span className="mono">{s.url}</span></> : null}</li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
