// The auditor's credentials and independence statement, printed in the
// declaration of every report.
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { CREDENTIAL_SCHEMES, CredentialsInput, DEFAULT_INDEPENDENCE, type Credentials } from '../../../shared/domain/audit-profile';
import type { z } from 'zod';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { Field, FormError } from './Field';
import { useCoreSubmit } from './useCoreSubmit';
import { useTranslation } from 'react-i18next';

const FIELDS = ['scheme', 'number', 'otherScheme', 'independence'] as const;

export function CredentialsPanel() {
  const client = useClient();
  const [state, reload] = useAsync(() => client.call('credentials.get', {}), 'credentials');
  const { t } = useTranslation('forms');
  if (state.status === 'loading') return <Loading what={t('credentials.what')} />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={reload} />;
  return <CredentialsForm initial={state.value} />;
}

function CredentialsForm({ initial }: { initial: Credentials | null }) {
  const client = useClient();
  const { register, handleSubmit, setError, control, formState: { errors, isSubmitting, isSubmitSuccessful } } = useForm<z.input<typeof CredentialsInput>, unknown, CredentialsInput>({
    resolver: zodResolver(CredentialsInput),
    defaultValues: { scheme: initial?.scheme ?? 'apsca', number: initial?.number ?? '', otherScheme: initial?.otherScheme ?? '', independence: initial?.independence || DEFAULT_INDEPENDENCE },
  });
  const { formError, run } = useCoreSubmit(setError, FIELDS);
  const submit = handleSubmit((values) => run(async () => { await client.call('credentials.save', values); }));
  const scheme = useWatch({ control, name: 'scheme' });
  const { t } = useTranslation('forms');
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('credentials.label')}>
      <FormError>{formError}</FormError>
      {isSubmitSuccessful && !formError && <p className="banner banner--ok" role="status">{t('credentials.saved')}</p>}
      <div className="form__grid">
        <Field label={t('credentials.scheme')} error={errors.scheme?.message}>
          <select {...register('scheme')}>{CREDENTIAL_SCHEMES.map((s) => <option key={s} value={s}>{t(`credentials.schemes.${s}`)}</option>)}</select>
        </Field>
        {scheme !== 'none' && (
          <Field label={scheme === 'apsca' ? t('credentials.apscaNumber') : t('credentials.number')} error={errors.number?.message}>
            <input type="text" {...register('number')} />
          </Field>
        )}
        {scheme === 'other' && (
          <Field label={t('credentials.other')} className="field--wide" error={errors.otherScheme?.message}>
            <input type="text" {...register('otherScheme')} />
          </Field>
        )}
        <Field label={t('credentials.independence')} className="field--wide" error={errors.independence?.message}>
          <textarea rows={3} {...register('independence')} />
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>{isSubmitting ? t('saving') : t('credentials.save')}</button>
      </div>
    </form>
  );
}
