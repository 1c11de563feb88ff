// The form of a worker interview, checked by the contract's InterviewInput:
// each field shows its own error (a name typed as the code, an empty
// excerpt), the core's field errors included.
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { InterviewInput, TENURE_BANDS, type Interview, type InterviewFormInput } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { useAction } from '../app/useAction';
import { useAuditScope } from '../app/auditScope';
import { Field, FormError } from '../forms/Field';
import { messageOf, splitList } from '../forms/errors';
import { useCoreSubmit } from '../forms/useCoreSubmit';
import { ItemPicker } from './ItemPicker';

const FIELDS = ['code', 'type', 'role', 'tenureBand', 'language', 'interviewer', 'consent', 'topics', 'findingsRaised', 'notes', 'excerpts'] as const;

interface Props {
  /** The interview to edit; a new one, with this code, when null. */
  editing: Interview | null;
  newCode: string;
  onSaved(i: Interview): void;
  onCancel(): void;
}

function initial(auditId: string, editing: Interview | null, code: string): InterviewFormInput {
  if (!editing) return { auditId, code, type: 'individual', role: '', tenureBand: '', language: '', interviewer: '', consent: false, topics: [], findingsRaised: [], notes: '', excerpts: [] };
  const { createdAt: _c, updatedAt: _u, ...rest } = editing;
  return { ...rest, auditId };
}

export function InterviewForm({ editing, newCode, onSaved, onCancel }: Props) {
  const { auditId } = useAuditScope();
  const client = useClient();
  const { t } = useTranslation('evidence');
  const action = useAction();
  const { control, register, handleSubmit, setError, formState: { errors } } = useForm<InterviewFormInput, unknown, InterviewInput>({
    resolver: zodResolver(InterviewInput),
    defaultValues: initial(auditId, editing, newCode),
  });
  const excerpts = useFieldArray({ control, name: 'excerpts' });
  const { formError, run } = useCoreSubmit(setError, FIELDS);
  const submit = handleSubmit((values) => action.run(() => run(async () => onSaved(await client.call('interviews.save', values)))));
  // Codes are written in capitals (W-07) whatever is typed.
  const code = register('code');

  return (
    <form className="form--inset" noValidate aria-label={editing ? t('interviews.edit', { code: editing.code }) : t('interviews.new')} onSubmit={(e) => { e.stopPropagation(); void submit(e); }}>
      <FormError>{formError}</FormError>
      <div className="form__grid">
        <Field label={t('interviews.col.code')} error={errors.code?.message}>
          <input type="text" {...code} onChange={(e) => { e.target.value = e.target.value.toUpperCase(); void code.onChange(e); }} />
        </Field>
        <Field label={t('interviews.col.type')} error={errors.type?.message}>
          <select {...register('type')}><option value="individual">{t('interviews.types.individual')}</option><option value="group">{t('interviews.types.group')}</option></select>
        </Field>
        <Field label={t('interviews.role')} error={errors.role?.message}><input type="text" {...register('role')} /></Field>
        <Field label={t('interviews.tenure')} error={errors.tenureBand?.message}>
          <select {...register('tenureBand')}>
            {TENURE_BANDS.map((b) => <option key={b} value={b}>{t(`interviews.tenures.${b || 'none'}`)}</option>)}
          </select>
        </Field>
        <Field label={t('interviews.language')} error={errors.language?.message}><input type="text" {...register('language')} /></Field>
        <Field label={t('interviews.interviewer')} error={errors.interviewer?.message}><input type="text" {...register('interviewer')} /></Field>
        <Field label={t('interviews.topics')} error={messageOf(errors.topics)}><input type="text" {...register('topics', { setValueAs: splitList })} /></Field>
        <label className="field--wide radio"><input type="checkbox" {...register('consent')} /> {t('interviews.consent')}</label>
        <Field className="field--wide" label={t('interviews.notes')} error={errors.notes?.message}><textarea rows={4} {...register('notes')} /></Field>
      </div>
      <Controller control={control} name="findingsRaised" render={({ field }) => <ItemPicker label={t('interviews.items')} value={field.value ?? []} onChange={field.onChange} />} />
      {errors.findingsRaised && <p className="field__error" role="alert">{messageOf(errors.findingsRaised)}</p>}
      <h3>{t('interviews.excerpts')}</h3>
      {excerpts.fields.map((f, i) => (
        <div key={f.id} className="ev-excerpt">
          <Field label={t('interviews.excerpt', { n: i + 1 })} error={errors.excerpts?.[i]?.text?.message}><textarea rows={2} {...register(`excerpts.${i}.text`)} /></Field>
          <label className="radio"><input type="checkbox" {...register(`excerpts.${i}.include`)} /> {t('interviews.include')}</label>
        </div>
      ))}
      <button type="button" className="btn btn--small" onClick={() => excerpts.append({ text: '', include: false })}>{t('interviews.addExcerpt')}</button>
      <div className="form__actions">
        <button type="button" className="btn" onClick={onCancel}>{t('cancel')}</button>
        <button type="submit" className="btn btn--primary" disabled={action.busy}>{t('interviews.save')}</button>
      </div>
    </form>
  );
}
