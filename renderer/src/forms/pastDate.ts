// A date field that may hold a past date only when the person means it: the
// first save with a past date stops with a question by the field, the second
// save of that same date goes through.
import { useRef } from 'react';

/** Today on this computer's calendar, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export const isPastDate = (iso: string, today = localToday()): boolean => /^\d{4}-\d{2}-\d{2}$/.test(iso) && iso < today;

/** Returns the question to show by the field, or null when the date may be saved. */
export function usePastDateConfirm(what: string): (iso: string) => string | null {
  const confirmed = useRef<string | null>(null);
  return (iso) => {
    if (!isPastDate(iso) || confirmed.current === iso) return null;
    confirmed.current = iso;
    return `${what} ${iso} is in the past. Save again to keep it, or choose a later date.`;
  };
}
