// The form of a document reviewed, checked by the contract's DocumentInput:
// each field shows its own error, the core's field errors included.
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, DocumentInput, type ReviewedDocument } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { useAction } from '../app/useAction';
import { useAuditScope } from '../app/auditScope';
import { Field, FormError } from '../forms/Field';
import { messageOf } from '../forms/errors';
import { useCoreSubmit } from '../forms/useCoreSubmit';
import { ItemPicker } from './ItemPicker';

const FIELDS = ['kind', 'title', 'notes', 'itemIds'] as const;

interface Props {
  /** The document to edit; a new one when null. */
  editing: ReviewedDocument | null;
  onSaved(d: ReviewedDocument): void;
  onCancel(): void;
}

export function DocumentForm({ editing, onSaved, onCancel }: Props) {
  const { auditId } = useAuditScope();
  const client = useClient();
  const { t } = useTranslation('evidence');
  const action = useAction();
  const { control, register, handleSubmit, setError, formState: { errors } } = useForm<z.input<typeof DocumentInput>, unknown, DocumentInput>({
    resolver: zodResolver(DocumentInput),
    defaultValues: editing
      ? { id: editing.id, auditId, kind: editing.kind, title: editing.title, notes: editing.notes, itemIds: editing.itemIds }
      : { auditId, kind: 'payroll_sample', title: '', notes: '', itemIds: [] },
  });
  const { formError, run } = useCoreSubmit(setError, FIELDS);
  const submit = handleSubmit((values) => action.run(() => run(async () => onSaved(await client.call('documents.save', values)))));

  return (
    <form className="form--inset" noValidate aria-label={editing ? t('docs.edit') : t('docs.new')} onSubmit={(e) => { e.stopPropagation(); void submit(e); }}>
      <FormError>{formError}</FormError>
      <div className="form__grid">
        <Field label={t('docs.kind')} error={errors.kind?.message}>
          <select {...register('kind')}>
            {DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{t(`docKind.${k}`, { ns: 'terms' })}</option>)}
          </select>
        </Field>
        <Field label={t('docs.titleField')} error={errors.title?.message}>
          <input type="text" maxLength={200} placeholder={t('docs.titlePlaceholder')} {...register('title')} />
        </Field>
        <Field className="field--wide" label={t('docs.notes')} error={errors.notes?.message}>
          <textarea rows={3} {...register('notes')} />
        </Field>
        <Controller control={control} name="itemIds" render={({ field }) => <ItemPicker label={t('docs.linked')} value={field.value ?? []} onChange={field.onChange} />} />
        {errors.itemIds && <p className="field__error" role="alert">{messageOf(errors.itemIds)}</p>}
      </div>
      <div className="form__actions">
        {editing && <button type="button" className="btn" onClick={onCancel}>{t('cancel')}</button>}
        <button type="submit" className="btn btn--primary" disabled={action.busy}>{editing ? t('docs.save') : t('docs.add')}</button>
      </div>
    </form>
  );
}
