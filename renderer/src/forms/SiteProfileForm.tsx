// The audit's site and workforce profile and its declaration, asked right
// after the audit is created and editable until it is finalized. Counts are
// checked as typed: whole numbers, and no part larger than the headcount.
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Resolver } from 'react-hook-form';
import { AuditProfileInput, CONTRACT_KINDS, GENDERS, GROUPS, type AuditProfile, type AuditProfileFormInput, type Workforce } from '../../../shared/domain/audit-profile';
import { useClient } from '../api/context';
import { Field, FormError } from './Field';
import { useCoreSubmit } from './useCoreSubmit';
import { numberOrNull } from './errors';
import { useTranslation } from 'react-i18next';

const FIELDS = ['site', 'declaration'] as const;

const lines = (v: unknown): unknown => (typeof v === 'string' ? v.split('\n').map((s) => s.trim()).filter(Boolean) : v);
const yesNo = (v: unknown): unknown => (v === 'yes' ? true : v === 'no' ? false : v === '' ? null : v);

// Fields left untouched keep their display form (a select's "yes", the
// distribution as lines of text): the same conversions run before the check.
const FormSchema = z.preprocess((raw) => {
  const v = raw as { site?: Record<string, unknown>; declaration?: Record<string, unknown> };
  if (!v?.site || !v.declaration) return raw;
  const workforce = Object.fromEntries(Object.entries((v.site.workforce ?? {}) as Record<string, unknown>).map(([k, x]) => [k, numberOrNull(x)]));
  return { ...v, site: { ...v.site, sharedBuilding: yesNo(v.site.sharedBuilding), workforce }, declaration: { ...v.declaration, distribution: lines(v.declaration.distribution) } };
}, AuditProfileInput);

interface Props {
  initial: AuditProfile;
  readOnly?: boolean;
  submitLabel?: string;
  onSaved(p: AuditProfile): void;
  onCancel?: (() => void) | undefined;
}

export function SiteProfileForm({ initial, readOnly = false, submitLabel, onSaved, onCancel }: Props) {
  const client = useClient();
  const { t } = useTranslation('forms');
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<AuditProfileFormInput, unknown, AuditProfileInput>({
    resolver: zodResolver(FormSchema as unknown as typeof AuditProfileInput) as unknown as Resolver<AuditProfileFormInput, unknown, AuditProfileInput>,
    // Checked on submit, then as corrected: checking on blur moved the buttons under the pointer as messages appeared.
    defaultValues: {
      auditId: initial.auditId,
      site: { ...initial.site, sharedBuilding: (initial.site.sharedBuilding === null ? '' : initial.site.sharedBuilding ? 'yes' : 'no') as never },
      declaration: { ...initial.declaration, distribution: initial.declaration.distribution.join('\n') as never },
    },
  });
  const { formError, run } = useCoreSubmit(setError, FIELDS);
  const submit = handleSubmit((values) => run(async () => {
    onSaved(await client.call('auditProfile.save', values));
  }));
  const se = errors.site;
  const we = se?.workforce;
  const count = (k: keyof Workforce) => (
    <Field key={k} label={t(`workforce.${k}`, { ns: 'terms' })} error={we?.[k]?.message}>
      <input type="number" min={0} step={1} inputMode="numeric" {...register(`site.workforce.${k}`, { setValueAs: numberOrNull })} />
    </Field>
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('siteProfile.label')}>
      <FormError>{formError}</FormError>
      <fieldset className="form__grid" disabled={readOnly}>
        <legend className="field--wide">{t('siteProfile.site')}</legend>
        <Field label={t('siteProfile.legalEntity')} className="field--wide" error={se?.legalEntity?.message}><input type="text" {...register('site.legalEntity')} /></Field>
        <Field label={t('site.address')} className="field--wide" error={se?.address?.message}><input type="text" {...register('site.address')} /></Field>
        <Field label={t('siteProfile.floors')} hint={t('siteProfile.floorsHint')} error={se?.floors?.message}><input type="text" {...register('site.floors')} /></Field>
        <Field label={t('siteProfile.shared')} error={se?.sharedBuilding?.message}>
          <select {...register('site.sharedBuilding', { setValueAs: yesNo })}>
            <option value="">{t('siteProfile.notRecorded')}</option>
            <option value="yes">{t('siteProfile.sharedYes')}</option>
            <option value="no">{t('siteProfile.sharedNo')}</option>
          </select>
        </Field>
        <Field label={t('siteProfile.building')} className="field--wide" error={se?.building?.message}><input type="text" {...register('site.building')} /></Field>
        <Field label={t('siteProfile.fire')} hint={t('siteProfile.fireHint')} error={se?.fireCertificate?.message}><input type="text" {...register('site.fireCertificate')} /></Field>
        <Field label={t('siteProfile.fireExpiry')} error={se?.fireCertificateExpiry?.message}><input type="date" {...register('site.fireCertificateExpiry')} /></Field>
        <Field label={t('siteProfile.services')} className="field--wide" error={se?.services?.message}><textarea rows={2} {...register('site.services')} /></Field>
        <Field label={t('siteProfile.clients')} className="field--wide" error={se?.clients?.message}><textarea rows={2} {...register('site.clients')} /></Field>
      </fieldset>
      <fieldset className="form__grid" disabled={readOnly}>
        <legend className="field--wide">{t('siteProfile.workforce')}</legend>
        {count('headcount')}
        {GENDERS.map(count)}
        {CONTRACT_KINDS.map(count)}
        {GROUPS.map(count)}
      </fieldset>
      <fieldset className="form__grid" disabled={readOnly}>
        <legend className="field--wide">{t('siteProfile.declaration')}</legend>
        <Field label={t('siteProfile.limitations')} hint={t('siteProfile.limitationsHint')} className="field--wide" error={errors.declaration?.limitations?.message}>
          <textarea rows={2} {...register('declaration.limitations')} />
        </Field>
        <Field label={t('siteProfile.disclaimer')} hint={t('siteProfile.disclaimerHint')} className="field--wide" error={errors.declaration?.disclaimer?.message}>
          <textarea rows={2} {...register('declaration.disclaimer')} />
        </Field>
        <Field label={t('siteProfile.distribution')} hint={t('siteProfile.distributionHint')} className="field--wide" error={errors.declaration?.distribution?.message ?? errors.declaration?.distribution?.[0]?.message}>
          <textarea rows={3} {...register('declaration.distribution', { setValueAs: lines })} />
        </Field>
      </fieldset>
      {!readOnly && (
        <div className="form__actions">
          {onCancel && <button type="button" className="btn" onClick={onCancel}>{t('siteProfile.skip')}</button>}
          <button type="submit" className="btn btn--primary" disabled={isSubmitting}>{isSubmitting ? t('saving') : submitLabel ?? t('siteProfile.save')}</button>
        </div>
      )}
    </form>
  );
}
