// The auditor's language choices, kept in the renderer's own storage (the
// same on every transport): the UI language (unset: the system's), and the
// locale numbers are typed and shown in (unset: follows the UI language).
import { LANGUAGES, type Language } from './languages';

/** Number formats auditors meet on the sites this app is used for; any other comes with its language. */
export const NUMBER_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-PH', 'es-ES', 'es-MX', 'es-CO', 'fr-FR', 'fr-MA', 'de-DE', 'pt-BR', 'pl-PL', 'ro-RO', 'hi-IN'];

const LANGUAGE_KEY = 'fairsite.language';
const NUMBER_KEY = 'fairsite.numberLocale';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage refused (privacy settings): choices last for the session only
  }
}

export function storedLanguage(): Language | null {
  const v = storage()?.getItem(LANGUAGE_KEY);
  return LANGUAGES.find((l) => l === v) ?? null;
}

export function storeLanguage(lang: Language | null): void {
  const s = storage();
  if (!s) return;
  if (lang) s.setItem(LANGUAGE_KEY, lang);
  else s.removeItem(LANGUAGE_KEY);
}

/** A BCP 47 tag Intl knows, or null. */
export function validLocale(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length ? Intl.getCanonicalLocales(tag)[0]! : null;
  } catch {
    return null;
  }
}

export function storedNumberLocale(): string | null {
  return validLocale(storage()?.getItem(NUMBER_KEY));
}

export function storeNumberLocale(tag: string | null): void {
  const s = storage();
  if (!s) return;
  const v = validLocale(tag);
  if (v) s.setItem(NUMBER_KEY, v);
  else s.removeItem(NUMBER_KEY);
}
