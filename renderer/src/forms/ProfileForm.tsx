import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ProfileInput, type Profile } from '../../../shared/domain/profile';
import { useClient } from '../api/context';
import { Field, FormError } from './Field';
import { useCoreSubmit } from './useCoreSubmit';
import { useTranslation } from 'react-i18next';

const FIELDS = ['name', 'organisation', 'email', 'auditorId'] as const;

interface Props {
  initial: Profile | null;
  submitLabel: string;
  onSaved(p: Profile): void;
}

export function ProfileForm({ initial, submitLabel, onSaved }: Props) {
  const client = useClient();
  const { t } = useTranslation('forms');
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm({
    resolver: zodResolver(ProfileInput),
    defaultValues: {
      name: initial?.name ?? '',
      organisation: initial?.organisation ?? '',
      email: initial?.email ?? '',
      auditorId: initial?.auditorId ?? '',
    },
  });

  const { formError, run } = useCoreSubmit(setError, FIELDS);
  const submit = handleSubmit((values) => run(async () => {
    onSaved(await client.call('profile.save', values));
  }));

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('profile.label')}>
      <FormError>{formError}</FormError>
      <div className="form__grid">
        <Field label={t('profile.name')} error={errors.name?.message}>
          <input type="text" autoComplete="name" {...register('name')} />
        </Field>
        <Field label={t('profile.organisation')} error={errors.organisation?.message}>
          <input type="text" autoComplete="organization" {...register('organisation')} />
        </Field>
        <Field label={t('profile.email')} error={errors.email?.message}>
          <input type="email" autoComplete="email" {...register('email')} />
        </Field>
        <Field label={t('profile.auditorId')} hint={t('profile.auditorIdHint')} error={errors.auditorId?.message}>
          <input type="text" {...register('auditorId')} />
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {isSubmitting ? t('saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
