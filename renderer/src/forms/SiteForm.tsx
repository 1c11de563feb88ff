import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { SiteInput, type Site, type SiteFormInput } from '../../../shared/domain/site';
import { useClient } from '../api/context';
import { Field, FormError } from './Field';
import { useCoreSubmit } from './useCoreSubmit';
import { messageOf, numberOrNull, numberOrUndefined, splitList } from './errors';

const FIELDS = ['name', 'clients', 'address', 'country', 'headcount', 'shifts', 'minWage', 'minWagePeriod', 'overtimeRate', 'currency'] as const;

const upper = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : v);

interface Props {
  onSaved(site: Site): void;
  onCancel?(): void;
}

export function SiteForm({ onSaved, onCancel }: Props) {
  const client = useClient();
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<SiteFormInput, unknown, SiteInput>({
    resolver: zodResolver(SiteInput),
    defaultValues: {
      name: '', clients: [], address: '', country: '', headcount: null, shifts: '',
      minWage: null, minWagePeriod: 'month', overtimeRate: 1.25, currency: '',
    },
  });

  const { formError, run } = useCoreSubmit(setError, FIELDS);
  const submit = handleSubmit((values) => run(async () => {
    onSaved(await client.call('sites.create', values));
  }));

  return (
    <form className="form" onSubmit={(e) => { e.stopPropagation(); void submit(e); }} noValidate aria-label="New site">
      <FormError>{formError}</FormError>
      <div className="form__grid">
        <Field label="Site name" error={errors.name?.message}>
          <input type="text" {...register('name')} />
        </Field>
        <Field label="Client(s)" hint="Separate several clients with commas." error={messageOf(errors.clients)}>
          <input type="text" {...register('clients', { setValueAs: splitList })} />
        </Field>
        <Field label="Address" className="field--wide" error={errors.address?.message}>
          <input type="text" {...register('address')} />
        </Field>
        <Field label="Country" hint="Two-letter code, e.g. PH, IN, KE." error={errors.country?.message}>
          <input type="text" maxLength={2} autoCapitalize="characters" {...register('country', { setValueAs: upper })} />
        </Field>
        <Field label="Headcount" error={errors.headcount?.message}>
          <input type="text" inputMode="numeric" {...register('headcount', { setValueAs: numberOrNull })} />
        </Field>
        <Field label="Shifts" hint="e.g. 3 shifts, 24/7" className="field--wide" error={errors.shifts?.message}>
          <input type="text" {...register('shifts')} />
        </Field>
        <Field label="Legal minimum wage" error={errors.minWage?.message}>
          <input type="text" inputMode="decimal" {...register('minWage', { setValueAs: numberOrNull })} />
        </Field>
        <Field label="Minimum wage period" error={errors.minWagePeriod?.message}>
          <select {...register('minWagePeriod')}>
            <option value="month">per month</option>
            <option value="hour">per hour</option>
          </select>
        </Field>
        <Field label="Overtime rate" hint="Multiplier: 1.25 means paid at 125 %." error={errors.overtimeRate?.message}>
          <input type="text" inputMode="decimal" {...register('overtimeRate', { setValueAs: numberOrUndefined })} />
        </Field>
        <Field label="Currency" hint="Three-letter code, e.g. PHP." error={errors.currency?.message}>
          <input type="text" maxLength={3} {...register('currency', { setValueAs: upper })} />
        </Field>
      </div>
      <div className="form__actions">
        {onCancel && <button type="button" className="btn" onClick={onCancel}>Cancel</button>}
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save site'}
        </button>
      </div>
    </form>
  );
}
