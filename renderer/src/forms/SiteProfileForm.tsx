// The audit's site and workforce profile and its declaration, asked right
// after the audit is created and editable until it is finalized. Counts are
// checked as typed: whole numbers, and no part larger than the headcount.
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Resolver } from 'react-hook-form';
import { AuditProfileInput, CONTRACT_KINDS, GENDERS, GROUPS, WORKFORCE_LABELS, type AuditProfile, type AuditProfileFormInput, type Workforce } from '../../../shared/domain/audit-profile';
import { useClient } from '../api/context';
import { Field, FormError } from './Field';
import { useCoreSubmit } from './useCoreSubmit';
import { numberOrNull } from './errors';

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

export function SiteProfileForm({ initial, readOnly = false, submitLabel = 'Save profile', onSaved, onCancel }: Props) {
  const client = useClient();
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
    <Field key={k} label={WORKFORCE_LABELS[k]} error={we?.[k]?.message}>
      <input type="number" min={0} step={1} inputMode="numeric" {...register(`site.workforce.${k}`, { setValueAs: numberOrNull })} />
    </Field>
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Site and workforce profile">
      <FormError>{formError}</FormError>
      <fieldset className="form__grid" disabled={readOnly}>
        <legend className="field--wide">Site</legend>
        <Field label="Legal entity" className="field--wide" error={se?.legalEntity?.message}><input type="text" {...register('site.legalEntity')} /></Field>
        <Field label="Address" className="field--wide" error={se?.address?.message}><input type="text" {...register('site.address')} /></Field>
        <Field label="Floors occupied" hint="e.g. Floors 3 to 5 of 12" error={se?.floors?.message}><input type="text" {...register('site.floors')} /></Field>
        <Field label="Shared building" error={se?.sharedBuilding?.message}>
          <select {...register('site.sharedBuilding', { setValueAs: yesNo })}>
            <option value="">Not recorded</option>
            <option value="yes">Yes: other companies use the building</option>
            <option value="no">No: the site has the building to itself</option>
          </select>
        </Field>
        <Field label="Building" className="field--wide" error={se?.building?.message}><input type="text" {...register('site.building')} /></Field>
        <Field label="Fire certificate" hint="Number and issuing authority" error={se?.fireCertificate?.message}><input type="text" {...register('site.fireCertificate')} /></Field>
        <Field label="Fire certificate valid until" error={se?.fireCertificateExpiry?.message}><input type="date" {...register('site.fireCertificateExpiry')} /></Field>
        <Field label="Services provided" className="field--wide" error={se?.services?.message}><textarea rows={2} {...register('site.services')} /></Field>
        <Field label="Clients served" className="field--wide" error={se?.clients?.message}><textarea rows={2} {...register('site.clients')} /></Field>
      </fieldset>
      <fieldset className="form__grid" disabled={readOnly}>
        <legend className="field--wide">Workforce on the audit days</legend>
        {count('headcount')}
        {GENDERS.map(count)}
        {CONTRACT_KINDS.map(count)}
        {GROUPS.map(count)}
      </fieldset>
      <fieldset className="form__grid" disabled={readOnly}>
        <legend className="field--wide">Declaration printed on the sign-off page</legend>
        <Field label="Limitations of this audit" hint="Places, records or people not available; leave empty if none." className="field--wide" error={errors.declaration?.limitations?.message}>
          <textarea rows={2} {...register('declaration.limitations')} />
        </Field>
        <Field label="Disclaimer" hint="Leave empty for the standard disclaimer." className="field--wide" error={errors.declaration?.disclaimer?.message}>
          <textarea rows={2} {...register('declaration.disclaimer')} />
        </Field>
        <Field label="Distribution list" hint="One recipient per line; empty: the site, your organisation and the clients." className="field--wide" error={errors.declaration?.distribution?.message ?? errors.declaration?.distribution?.[0]?.message}>
          <textarea rows={3} {...register('declaration.distribution', { setValueAs: lines })} />
        </Field>
      </fieldset>
      {!readOnly && (
        <div className="form__actions">
          {onCancel && <button type="button" className="btn" onClick={onCancel}>Skip for now</button>}
          <button type="submit" className="btn btn--primary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : submitLabel}</button>
        </div>
      )}
    </form>
  );
}
