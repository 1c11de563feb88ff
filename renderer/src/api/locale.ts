// The locale numbers are typed and shown in: the one chosen in Settings,
// else the UI language (with the system's region when it is the same
// language), unless a screen or a test provides another.
import { createContext, useContext } from 'react';
import { useLocaleFormat } from '../i18n/format';

export function systemLocale(): string {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return nav?.languages?.[0] ?? nav?.language ?? 'en';
}

export const NumberLocale = createContext<string | null>(null);

export function useNumberLocale(): string {
  const given = useContext(NumberLocale);
  const { numberLocale } = useLocaleFormat();
  return given ?? numberLocale;
}
