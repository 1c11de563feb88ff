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
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation('forms');
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
    <form className="form" onSubmit={submit} noValidate aria-label={t('audit.label')}>
      <FormError>{formError}</FormError>
      <div className="form__grid">
        <Field label={t('audit.site')} error={errors.siteId ? t('audit.chooseSite') : undefined}>
          <select {...register('siteId')}>
            <option value="">{t('audit.siteEmpty')}</option>
            {sites.map((s) => <option key={s.id} value={s.id}>{t('audit.siteOption', { name: s.name, country: s.country })}</option>)}
          </select>
        </Field>
        <Field label={t('audit.template')} error={errors.templateId ? t('audit.chooseTemplate') : undefined}>
          <select {...register('templateId')}>
            <option value="">{t('audit.templateEmpty')}</option>
            {templates.map((tp) => <option key={tp.id} value={tp.id}>{t('audit.templateOption', { name: tp.name, version: tp.version, count: tp.items })}</option>)}
          </select>
        </Field>
        <fieldset className="field field--wide">
          <legend>{t('audit.type')}</legend>
          <div className="radio-row">
            {AUDIT_TYPES.map((ty) => (
              <label key={ty} className="radio">
                <input type="radio" value={ty} {...register('type')} /> {t(`auditType.${ty}`, { ns: 'terms' })}
              </label>
            ))}
          </div>
          {errors.type && <p className="field__error" role="alert">{errors.type.message}</p>}
        </fieldset>
        <Field label={t('audit.start')} error={errors.startDate?.message}>
          <input type="date" {...register('startDate')} />
        </Field>
        <Field label={t('audit.end')} error={errors.endDate?.message}>
          <input type="date" {...register('endDate')} />
        </Field>
        <Field label={t('audit.team')} hint={t('audit.teamHint')} className="field--wide" error={messageOf(errors.team)}>
          <input type="text" {...register('team', { setValueAs: splitList })} />
        </Field>
        <Field label={t('audit.scope')} className="field--wide" error={errors.scope?.message}>
          <textarea rows={2} {...register('scope')} />
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {isSubmitting ? t('audit.creating') : t('audit.create')}
        </button>
      </div>
    </form>
  );
}
