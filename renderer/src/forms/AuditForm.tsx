import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { AUDIT_TYPES, AuditInput, type Audit, type AuditFormInput } from '../../../shared/domain/audit';
import type { Site } from '../../../shared/domain/site';
import type { TemplateInfo } from '../../../shared/contract/core-ops';
import { useClient } from '../api/context';
import { Field, FormError } from './Field';
import { useCoreSubmit } from './useCoreSubmit';
import { messageOf, splitList } from './errors';

const FIELDS = ['siteId', 'templateId', 'type', 'startDate', 'endDate', 'team', 'scope'] as const;

export const AUDIT_TYPE_LABEL: Record<(typeof AUDIT_TYPES)[number], string> = {
  announced: 'Announced',
  semi_announced: 'Semi-announced',
  unannounced: 'Unannounced',
};

export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

interface Props {
  sites: Site[];
  templates: TemplateInfo[];
  /** A site just created: select it. */
  selectedSiteId?: string | undefined;
  onCreated(a: Audit): void;
}

export function AuditForm({ sites, templates, selectedSiteId, onCreated }: Props) {
  const client = useClient();
  const { register, handleSubmit, setError, setValue, formState: { errors, isSubmitting } } = useForm<AuditFormInput, unknown, AuditInput>({
    resolver: zodResolver(AuditInput),
    defaultValues: {
      siteId: selectedSiteId ?? '',
      templateId: templates.length === 1 ? templates[0]?.id : '',
      type: 'announced',
      startDate: today(),
      endDate: today(),
      team: [],
      scope: '',
    },
  });

  useEffect(() => {
    if (selectedSiteId) setValue('siteId', selectedSiteId, { shouldValidate: false });
  }, [selectedSiteId, setValue]);

  const { formError, run } = useCoreSubmit(setError, FIELDS);
  const submit = handleSubmit((values) => run(async () => {
    onCreated(await client.call('audits.create', values));
  }));

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="New audit">
      <FormError>{formError}</FormError>
      <div className="form__grid">
        <Field label="Site" error={errors.siteId ? 'choose a site, or create one above' : undefined}>
          <select {...register('siteId')}>
            <option value="">Choose a site…</option>
            {sites.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.country})</option>)}
          </select>
        </Field>
        <Field label="Checklist template" error={errors.templateId ? 'choose a template' : undefined}>
          <select {...register('templateId')}>
            <option value="">Choose a template…</option>
            {templates.map((t) => <option key={t.id} value={t.id}>{t.name} v{t.version} ({t.items} items)</option>)}
          </select>
        </Field>
        <fieldset className="field field--wide">
          <legend>Audit type</legend>
          <div className="radio-row">
            {AUDIT_TYPES.map((t) => (
              <label key={t} className="radio">
                <input type="radio" value={t} {...register('type')} /> {AUDIT_TYPE_LABEL[t]}
              </label>
            ))}
          </div>
          {errors.type && <p className="field__error" role="alert">{errors.type.message}</p>}
        </fieldset>
        <Field label="Start date" error={errors.startDate?.message}>
          <input type="date" {...register('startDate')} />
        </Field>
        <Field label="End date" error={errors.endDate?.message}>
          <input type="date" {...register('endDate')} />
        </Field>
        <Field label="Audit team" hint="Names, separated by commas." className="field--wide" error={messageOf(errors.team)}>
          <input type="text" {...register('team', { setValueAs: splitList })} />
        </Field>
        <Field label="Scope" className="field--wide" error={errors.scope?.message}>
          <textarea rows={2} {...register('scope')} />
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Creating…' : 'Create audit and start'}
        </button>
      </div>
    </form>
  );
}
