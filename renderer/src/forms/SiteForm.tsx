import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { EMPTY_LEGAL_PROFILE, type CountryLegalProfile, type LegalProfile } from '../../../shared/domain/legal-profile';
import { SiteInput, type Site, type SiteFormInput } from '../../../shared/domain/site';
import { countryOptions, currencyOptions } from '../../../shared/iso-codes';
import { useClient } from '../api/context';
import { useNumberLocale } from '../api/locale';
import { CodePicker } from './CodePicker';
import { Field, FormError } from './Field';
import { FormNumber } from './FormNumber';
import { LegalProfileFields } from './LegalProfileFields';
import { useCoreSubmit } from './useCoreSubmit';
import { messageOf, splitList } from './errors';
import { useTranslation } from 'react-i18next';

const FIELDS = ['name', 'clients', 'address', 'country', 'headcount', 'shifts', 'currency', 'timeZone', 'legal'] as const;
// The laptop's own zone is the likeliest for a new site: the auditor is usually there.
const systemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

interface Props {
  /** The site to edit; a new site when absent. */
  site?: Site;
  /** The bundled country legal profiles the form offers to fill in. */
  countryProfiles?: CountryLegalProfile[];
  onSaved(site: Site): void;
  onCancel?(): void;
}

export function SiteForm({ site, countryProfiles = [], onSaved, onCancel }: Props) {
  const client = useClient();
  const locale = useNumberLocale();
  const { t } = useTranslation('forms');
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const currencies = useMemo(() => currencyOptions(locale), [locale]);

  const { control, register, handleSubmit, setError, setValue, getValues, formState: { errors, isSubmitting } } = useForm<SiteFormInput, unknown, SiteInput>({
    resolver: zodResolver(SiteInput),
    defaultValues: site
      ? { name: site.name, clients: site.clients, address: site.address, country: site.country, headcount: site.headcount, shifts: site.shifts, currency: site.currency, timeZone: site.timeZone ?? '', legal: site.legal }
      : { name: '', clients: [], address: '', country: '', headcount: null, shifts: '', currency: '', timeZone: systemZone(), legal: EMPTY_LEGAL_PROFILE },
  });
  // Number fields whose text is not a number: the form does not save while there are any.
  const [notNumbers, setNotNumbers] = useState<ReadonlySet<string>>(() => new Set());
  const [blocked, setBlocked] = useState(false);
  const validity = (field: string, message: string | null) => {
    setNotNumbers((old) => {
      if (old.has(field) === Boolean(message)) return old;
      const next = new Set(old);
      if (message) next.add(field);
      else next.delete(field);
      return next;
    });
  };
  const stillBlocked = blocked && notNumbers.size > 0;

  const country = useWatch({ control, name: 'country' });
  const legal = { ...EMPTY_LEGAL_PROFILE, ...useWatch({ control, name: 'legal' }) } as LegalProfile;
  const countryProfile = countryProfiles.find((p) => p.country === country);
  const fill = (p: CountryLegalProfile) => {
    setValue('legal', { ...p.profile }, { shouldDirty: true });
    if (!getValues('currency')) setValue('currency', p.currency, { shouldDirty: true });
  };

  const { formError, run } = useCoreSubmit(setError, FIELDS);
  const submit = handleSubmit((values) => {
    if (notNumbers.size) {
      setBlocked(true);
      return;
    }
    return run(async () => {
      onSaved(site ? await client.call('sites.update', { id: site.id, site: values }) : await client.call('sites.create', values));
    });
  });

  return (
    <form className="form" onSubmit={(e) => { e.stopPropagation(); void submit(e); }} noValidate aria-label={site ? t('site.edit') : t('site.new')}>
      <FormError>{formError ?? (stillBlocked ? t('site.notNumbers') : null)}</FormError>
      <div className="form__grid">
        <Field label={t('site.name')} error={errors.name?.message}>
          <input type="text" {...register('name')} />
        </Field>
        <Field label={t('site.clients')} hint={t('site.clientsHint')} error={messageOf(errors.clients)}>
          <input type="text" {...register('clients', { setValueAs: splitList })} />
        </Field>
        <Field label={t('site.address')} className="field--wide" error={errors.address?.message}>
          <input type="text" {...register('address')} />
        </Field>
        <Controller control={control} name="country" render={({ field }) => (
          <CodePicker label={t('site.country')} options={countries} value={field.value ?? ''} error={errors.country?.message} onChange={field.onChange} />
        )} />
        <Controller control={control} name="currency" render={({ field }) => (
          <CodePicker label={t('site.currency')} options={currencies} value={field.value ?? ''} error={errors.currency?.message} onChange={field.onChange} />
        )} />
        <Controller control={control} name="headcount" render={({ field }) => (
          <FormNumber label={t('site.headcount')} integer max={1_000_000} value={field.value} error={errors.headcount?.message} onChange={field.onChange} onValidity={(m) => validity('headcount', m)} />
        )} />
        <Field label={t('site.shifts')} hint={t('site.shiftsHint')} error={errors.shifts?.message}>
          <input type="text" {...register('shifts')} />
        </Field>
        <Field label={t('site.timeZone')} hint={t('site.timeZoneHint')} error={errors.timeZone?.message}>
          <input type="text" list="site-time-zones" autoComplete="off" spellCheck={false} {...register('timeZone')} />
        </Field>
        <datalist id="site-time-zones">{ZONES.map((z) => <option key={z} value={z} />)}</datalist>
        <LegalProfileFields control={control} register={register} errors={errors} profile={legal} countryProfile={countryProfile} onFill={fill} onValidity={validity} />
      </div>
      <div className="form__actions">
        {onCancel && <button type="button" className="btn" onClick={onCancel}>{t('cancel')}</button>}
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {isSubmitting ? t('saving') : t('site.save')}
        </button>
      </div>
    </form>
  );
}
