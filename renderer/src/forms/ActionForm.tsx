import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ACTION_STATUSES, ActionInput, type ActionFormInput, type CorrectiveAction } from '../../../shared/domain/finding';
import type { Severity } from '../../../shared/template/schema';
import { ACCEPTANCE, ACCEPTANCE_LABELS, DEFAULT_TIMESCALE, TIMESCALES, TIMESCALE_LABELS, VERIFICATION_LABELS, VERIFICATION_METHODS, dueDateFor } from '../../../shared/domain/capr';
import { useClient } from '../api/context';
import { Field, FormError } from './Field';
import { useCoreSubmit } from './useCoreSubmit';
import { usePastDateConfirm } from './pastDate';

const FIELDS = ['action', 'owner', 'dueDate', 'status', 'verification', 'objectiveEvidence', 'rootCause', 'preventiveAction', 'timescale', 'verificationMethod', 'siteComments', 'siteAcceptance'] as const;

export const ACTION_STATUS_LABEL: Record<(typeof ACTION_STATUSES)[number], string> = {
  open: 'Open', in_progress: 'In progress', closed: 'Closed',
};

interface Props {
  findingId: string;
  initial?: CorrectiveAction | undefined;
  /** The finding's severity and the last audit day give the default timescale and due date. */
  severity?: Severity | null | undefined;
  endDate?: string | undefined;
  /** What the auditor wrote about the finding: the objective evidence to start from. */
  evidence?: string | undefined;
  onSaved(a: CorrectiveAction): void;
  onCancel(): void;
}

export function ActionForm({ findingId, initial, severity, endDate, evidence, onSaved, onCancel }: Props) {
  const fallback = DEFAULT_TIMESCALE[severity ?? 'minor'];
  const client = useClient();
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<ActionFormInput, unknown, ActionInput>({
    resolver: zodResolver(ActionInput),
    defaultValues: {
      ...(initial ? { id: initial.id } : {}),
      findingId,
      action: initial?.action ?? '',
      owner: initial?.owner ?? '',
      dueDate: initial?.dueDate ?? (endDate ? dueDateFor(endDate, fallback) : ''),
      status: initial?.status ?? 'open',
      verification: initial?.verification ?? '',
      objectiveEvidence: initial?.objectiveEvidence ?? evidence ?? '',
      rootCause: initial?.rootCause ?? '',
      preventiveAction: initial?.preventiveAction ?? '',
      timescale: initial?.timescale ?? '',
      verificationMethod: initial?.verificationMethod ?? '',
      siteComments: initial?.siteComments ?? '',
      siteAcceptance: initial?.siteAcceptance ?? 'pending',
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
        <Field label="Objective evidence" hint="What was seen, read or heard that shows the non-compliance." className="field--wide" error={errors.objectiveEvidence?.message}>
          <textarea rows={2} {...register('objectiveEvidence')} />
        </Field>
        <Field label="Root cause" className="field--wide" error={errors.rootCause?.message}>
          <textarea rows={2} {...register('rootCause')} />
        </Field>
        <Field label="Preventive action" hint="What stops it from happening again." className="field--wide" error={errors.preventiveAction?.message}>
          <textarea rows={2} {...register('preventiveAction')} />
        </Field>
        <Field label="Timescale" error={errors.timescale?.message}>
          <select {...register('timescale')}>
            <option value="">Default for the severity: {TIMESCALE_LABELS[fallback]}</option>
            {TIMESCALES.map((t) => <option key={t} value={t}>{TIMESCALE_LABELS[t]}</option>)}
          </select>
        </Field>
        <Field label="Verification method" error={errors.verificationMethod?.message}>
          <select {...register('verificationMethod')}>
            <option value="">Not chosen yet</option>
            {VERIFICATION_METHODS.map((m) => <option key={m} value={m}>{VERIFICATION_LABELS[m]}</option>)}
          </select>
        </Field>
        <Field label="Verification notes" hint="What will be checked, e.g. payroll records for 3 months." className="field--wide" error={errors.verification?.message}>
          <input type="text" {...register('verification')} />
        </Field>
        <Field label="Site's comments" className="field--wide" error={errors.siteComments?.message}>
          <textarea rows={2} {...register('siteComments')} />
        </Field>
        <Field label="Site's acceptance" error={errors.siteAcceptance?.message}>
          <select {...register('siteAcceptance')}>
            {ACCEPTANCE.map((a) => <option key={a} value={a}>{ACCEPTANCE_LABELS[a]}</option>)}
          </select>
        </Field>
      </div>
      <div className="form__actions">
        <button type="button" className="btn" onClick={onCancel}>Cancel</button>
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : 'Save action'}</button>
      </div>
    </form>
  );
}
