import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ACTION_STATUSES, ActionInput, type ActionFormInput, type CorrectiveAction } from '../../../shared/domain/finding';
import { useClient } from '../api/context';
import { Field, FormError } from './Field';
import { useCoreSubmit } from './useCoreSubmit';
import { usePastDateConfirm } from './pastDate';

const FIELDS = ['action', 'owner', 'dueDate', 'status', 'verification'] as const;

export const ACTION_STATUS_LABEL: Record<(typeof ACTION_STATUSES)[number], string> = {
  open: 'Open', in_progress: 'In progress', closed: 'Closed',
};

interface Props {
  findingId: string;
  initial?: CorrectiveAction | undefined;
  onSaved(a: CorrectiveAction): void;
  onCancel(): void;
}

export function ActionForm({ findingId, initial, onSaved, onCancel }: Props) {
  const client = useClient();
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<ActionFormInput, unknown, ActionInput>({
    resolver: zodResolver(ActionInput),
    defaultValues: {
      ...(initial ? { id: initial.id } : {}),
      findingId,
      action: initial?.action ?? '',
      owner: initial?.owner ?? '',
      dueDate: initial?.dueDate ?? '',
      status: initial?.status ?? 'open',
      verification: initial?.verification ?? '',
    },
  });

  const { formError, run } = useCoreSubmit(setError, FIELDS);
  const confirmPast = usePastDateConfirm('The due date');
  const submit = handleSubmit((values) => run(async () => {
    const question = confirmPast(values.dueDate);
    if (question) return setError('dueDate', { type: 'confirm', message: question }, { shouldFocus: true });
    onSaved(await client.call('actions.save', values));
  }));

  return (
    <form className="form form--inset" onSubmit={submit} noValidate aria-label={initial ? 'Edit corrective action' : 'New corrective action'}>
      <FormError>{formError}</FormError>
      <div className="form__grid">
        <Field label="Corrective action" className="field--wide" error={errors.action?.message}>
          <textarea rows={2} {...register('action')} />
        </Field>
        <Field label="Owner at the site" error={errors.owner?.message}>
          <input type="text" {...register('owner')} />
        </Field>
        <Field label="Due date" error={errors.dueDate?.message}>
          <input type="date" {...register('dueDate')} />
        </Field>
        <Field label="Status" error={errors.status?.message}>
          <select {...register('status')}>
            {ACTION_STATUSES.map((s) => <option key={s} value={s}>{ACTION_STATUS_LABEL[s]}</option>)}
          </select>
        </Field>
        <Field label="Verification method" hint="How the fix will be checked, e.g. payroll records for 3 months." error={errors.verification?.message}>
          <input type="text" {...register('verification')} />
        </Field>
      </div>
      <div className="form__actions">
        <button type="button" className="btn" onClick={onCancel}>Cancel</button>
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Save action'}</button>
      </div>
    </form>
  );
}
