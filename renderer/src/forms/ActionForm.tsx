import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { zodResolver } from '@hookform/resolvers/zod';
import { ACTION_STATUSES, ActionInputChecked, type ActionInput, type ActionFormInput, type CorrectiveAction } from '../../../shared/domain/finding';
import type { Severity } from '../../../shared/template/schema';
import { ACCEPTANCE, DEFAULT_TIMESCALE, TIMESCALES, VERIFICATION_METHODS, dueDateFor } from '../../../shared/domain/capr';
import { useClient } from '../api/context';
import { Field, FormError } from './Field';
import { useCoreSubmit } from './useCoreSubmit';
import { usePastDateConfirm } from './pastDate';

const FIELDS = ['action', 'owner', 'dueDate', 'status', 'verification', 'objectiveEvidence', 'rootCause', 'preventiveAction', 'timescale', 'verificationMethod', 'siteComments', 'siteAcceptance', 'collaborative', 'reviewDate'] as const;

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
  const { t } = useTranslation('followup');
  const fallback = DEFAULT_TIMESCALE[severity ?? 'minor'];
  const client = useClient();
  const { register, handleSubmit, setError, control, formState: { errors, isSubmitting } } = useForm<ActionFormInput, unknown, ActionInput>({
    resolver: zodResolver(ActionInputChecked),
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
      collaborative: initial?.collaborative ?? false,
      reviewDate: initial?.reviewDate ?? '',
    },
  });

  const { formError, run } = useCoreSubmit(setError, FIELDS);
  const collaborative = useWatch({ control, name: 'collaborative' });
  const confirmPast = usePastDateConfirm(t('form.dueDateLabel'));
  const submit = handleSubmit((values) => run(async () => {
    const question = values.collaborative ? null : confirmPast(values.dueDate);
    if (question) return setError('dueDate', { type: 'confirm', message: question }, { shouldFocus: true });
    // A collaborative action has no closing date: its review date stands instead.
    onSaved(await client.call('actions.save', values.collaborative ? { ...values, dueDate: '' } : { ...values, reviewDate: '' }));
  }));

  return (
    <form className="form form--inset" onSubmit={submit} noValidate aria-label={initial ? t('form.edit') : t('form.new')}>
      <FormError>{formError}</FormError>
      <div className="form__grid">
        <Field label={t('form.action')} className="field--wide" error={errors.action?.message}>
          <textarea rows={2} {...register('action')} />
        </Field>
        <Field label={t('form.owner')} error={errors.owner?.message}>
          <input type="text" {...register('owner')} />
        </Field>
        <Field label={t('form.collaborative')} hint={t('form.collaborativeHint')} className="field--wide" error={errors.collaborative?.message}>
          <input type="checkbox" {...register('collaborative')} />
        </Field>
        {collaborative ? (
          <Field label={t('form.reviewDate')} error={errors.reviewDate?.message}>
            <input type="date" {...register('reviewDate')} />
          </Field>
        ) : (
          <Field label={t('form.dueDate')} error={errors.dueDate?.message}>
            <input type="date" {...register('dueDate')} />
          </Field>
        )}
        <Field label={t('form.status')} error={errors.status?.message}>
          <select {...register('status')}>
            {ACTION_STATUSES.map((s) => <option key={s} value={s}>{t(`planStatus.${s}`)}</option>)}
          </select>
        </Field>
        <Field label={t('form.objectiveEvidence')} hint={t('form.objectiveEvidenceHint')} className="field--wide" error={errors.objectiveEvidence?.message}>
          <textarea rows={2} {...register('objectiveEvidence')} />
        </Field>
        <Field label={t('form.rootCause')} className="field--wide" error={errors.rootCause?.message}>
          <textarea rows={2} {...register('rootCause')} />
        </Field>
        <Field label={t('form.preventive')} hint={t('form.preventiveHint')} className="field--wide" error={errors.preventiveAction?.message}>
          <textarea rows={2} {...register('preventiveAction')} />
        </Field>
        <Field label={t('form.timescale')} error={errors.timescale?.message}>
          <select {...register('timescale')}>
            <option value="">{t('form.timescaleDefault', { timescale: t(`timescale.${fallback}`) })}</option>
            {TIMESCALES.map((x) => <option key={x} value={x}>{t(`timescale.${x}`)}</option>)}
          </select>
        </Field>
        <Field label={t('form.method')} error={errors.verificationMethod?.message}>
          <select {...register('verificationMethod')}>
            <option value="">{t('form.methodNone')}</option>
            {VERIFICATION_METHODS.map((m) => <option key={m} value={m}>{t(`method.${m}`)}</option>)}
          </select>
        </Field>
        <Field label={t('form.verification')} hint={t('form.verificationHint')} className="field--wide" error={errors.verification?.message}>
          <input type="text" {...register('verification')} />
        </Field>
        <Field label={t('form.siteComments')} className="field--wide" error={errors.siteComments?.message}>
          <textarea rows={2} {...register('siteComments')} />
        </Field>
        <Field label={t('form.siteAcceptance')} error={errors.siteAcceptance?.message}>
          <select {...register('siteAcceptance')}>
            {ACCEPTANCE.map((a) => <option key={a} value={a}>{t(`acceptance.${a}`)}</option>)}
          </select>
        </Field>
      </div>
      <div className="form__actions">
        <button type="button" className="btn" onClick={onCancel}>{t('form.cancel')}</button>
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>{isSubmitting ? t('form.saving') : t('form.save')}</button>
      </div>
    </form>
  );
}
