// A date field that may hold a past date only when the person means it: the
// first save with a past date stops with a question by the field, the second
// save of that same date goes through.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../i18n/format';

/** Today on this computer's calendar, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export const isPastDate = (iso: string, today = localToday()): boolean => /^\d{4}-\d{2}-\d{2}$/.test(iso) && iso < today;

/** Returns the question to show by the field, or null when the date may be saved. `what` names the field in the UI language. */
export function usePastDateConfirm(what: string): (iso: string) => string | null {
  const confirmed = useRef<string | null>(null);
  const { t } = useTranslation('forms');
  const f = useLocaleFormat();
  return (iso) => {
    if (!isPastDate(iso) || confirmed.current === iso) return null;
    confirmed.current = iso;
    return t('pastDate', { what, date: f.day(iso) });
  };
}
