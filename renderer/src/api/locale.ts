// The locale numbers are typed and shown in: the system's (the browser's
// first language), unless a screen or a test provides another.
import { createContext, useContext } from 'react';

export function systemLocale(): string {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return nav?.languages?.[0] ?? nav?.language ?? 'en';
}

export const NumberLocale = createContext<string | null>(null);

export function useNumberLocale(): string {
  return useContext(NumberLocale) ?? systemLocale();
}
