// Numbers, amounts, dates and times on screen, from one place and through
// Intl only: the UI's number locale (the UI language with the system's
// region when they agree, "es" + "es-MX" → "es-MX"; or the one chosen in
// Settings). Calendar dates (YYYY-MM-DD) are shown as that day everywhere;
// instants are shown in the time zone given (the site's), else the laptop's.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/locale-number';
import { storedNumberLocale } from './preferences';

function systemTags(): readonly string[] {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [];
}

/** The locale for numbers when the UI is in `language` and nothing was chosen. */
export function numberLocaleFor(language: string, chosen: string | null = storedNumberLocale()): string {
  if (chosen) return chosen;
  const same = systemTags().find((t) => t.toLowerCase().split('-')[0] === language);
  return same ?? language;
}

// Settings changes the number locale without a language change: listeners re-render the screens.
const listeners = new Set<() => void>();
let version = 0;
export function numberLocaleChanged(): void {
  version++;
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => { listeners.add(l); return () => listeners.delete(l); };

export function useLocaleFormat() {
  const { i18n } = useTranslation();
  useSyncExternalStore(subscribe, () => version, () => version);
  return localeFormat(i18n.language, numberLocaleFor(i18n.language));
}

export function localeFormat(language: string, numberLocale: string) {
  return {
    language,
    numberLocale,
    number: (n: number) => formatNumber(n, numberLocale),
    /** A figure with exactly `digits` decimals (coordinates). */
    fixed: (n: number, digits: number) => new Intl.NumberFormat(numberLocale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(n),
    percent: (ratio: number) => new Intl.NumberFormat(numberLocale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio),
    currency: (n: number, currency: string) => {
      try {
        return new Intl.NumberFormat(numberLocale, { style: 'currency', currency }).format(n);
      } catch {
        return `${formatNumber(n, numberLocale)} ${currency}`; // a code Intl does not know still shows its amount
      }
    },
    /** A calendar day ("2026-11-29"), never shifted by a time zone. */
    day: (iso: string, style: 'medium' | 'long' | 'short' = 'medium') => {
      const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(d);
    },
    /** An instant, with its time zone named. */
    dateTime: (iso: string | number | Date, timeZone?: string) => {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return String(iso);
      // dateStyle cannot be combined with timeZoneName: the same medium style, spelled out.
      return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(d);
    },
    /** A clock reading with no zone of its own (a camera's), shown as read. */
    wallClock: (local: string) => {
      const d = new Date(`${local.slice(0, 19)}Z`);
      return Number.isNaN(d.getTime()) ? local : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);
    },
    time: (iso: string | number | Date, timeZone?: string) =>
      new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone }).format(new Date(iso)),
    list: (items: readonly string[]) => new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items),
  };
}

export type LocaleFormat = ReturnType<typeof localeFormat>;
