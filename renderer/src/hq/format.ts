// Numbers and dates in the UI language, through Intl (never by hand).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Format {
  number(n: number): string;
  percent(n: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
  /** "a, b and c" in the UI language. */
  list(items: readonly string[]): string;
}

/** A calendar date (YYYY-MM-DD) is a day, not an instant: shown as that day whatever the time zone. */
function parse(iso: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
}

export function makeFormat(lang: string): Format {
  const num = new Intl.NumberFormat(lang);
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    number: (n) => num.format(n),
    percent: (n) => pct.format(n / 100),
    date: (iso) => (Number.isNaN(parse(iso).getTime()) ? iso : day.format(parse(iso))),
    dateTime: (iso) => (Number.isNaN(new Date(iso).getTime()) ? iso : when.format(new Date(iso))),
    list: (items) => new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items),
  };
}

export function useFormat(): Format {
  const { i18n } = useTranslation('hq');
  return useMemo(() => makeFormat(i18n.language), [i18n.language]);
}
