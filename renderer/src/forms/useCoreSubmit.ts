import { useState } from 'react';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { describeError } from '../api/messages';
import { applyServerErrors } from './errors';
import { initI18n } from '../i18n';

/**
 * Runs a form's call to the core: the core's field errors go next to their
 * fields, anything else becomes one message saying what to do next.
 */
export function useCoreSubmit<T extends FieldValues>(setError: UseFormSetError<T>, fields: readonly string[]) {
  const [formError, setFormError] = useState<string | null>(null);
  const run = async (call: () => Promise<void>): Promise<void> => {
    setFormError(null);
    try {
      await call();
    } catch (err) {
      if (!applyServerErrors(err, setError, fields)) {
        const m = describeError(err);
        setFormError(initI18n().t('error.titleNext', { ns: 'forms', title: m.title, next: m.next }));
      }
    }
  };
  return { formError, run };
}
