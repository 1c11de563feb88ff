// The UI's one translation instance. Every visible string goes through
// `t()` (react-i18next's useTranslation) with a key in a namespace catalogue
// under locales/<language>/<namespace>.ts. English is the source language;
// a key missing in another language falls back to English.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, LANGUAGES, type Language } from './resources';
import { storedLanguage, storeLanguage } from './preferences';

export { LANGUAGES, type Language };

/** The supported language that best matches a BCP 47 tag ("es-MX" → "es"). */
export function pickLanguage(tags: readonly string[]): Language {
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0];
    const hit = LANGUAGES.find((l) => l === base);
    if (hit) return hit;
  }
  return 'en';
}

export function systemLanguage(): Language {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return pickLanguage(nav?.languages ?? (nav?.language ? [nav.language] : []));
}

/** A catalogue a test adds before the app starts (the generated pseudo-locale); never shipped. */
interface TestLanguage {
  lng: string;
  resources: Record<string, Record<string, string>>;
}

// Read only in the web harness (plain http on loopback, a test and development
// tool); the app itself is served from its own protocol and never looks.
function testLanguage(): TestLanguage | null {
  if (typeof window === 'undefined' || window.location.protocol !== 'http:') return null;
  return (window as { __FAIRSITE_TEST_LANGUAGE__?: TestLanguage }).__FAIRSITE_TEST_LANGUAGE__ ?? null;
}

let ready: i18n | null = null;

/** Starts (once) and returns the translation instance, in `language`, else the one chosen in Settings, else the system's. */
export function initI18n(language: Language = storedLanguage() ?? systemLanguage()): i18n {
  if (ready) return ready;
  const instance = i18next.createInstance();
  const extra = testLanguage();
  void instance.use(initReactI18next).init({
    resources: extra ? { ...resources, [extra.lng]: extra.resources } : resources,
    lng: extra?.lng ?? language,
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: Object.keys(resources.en),
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  ready = instance;
  // Screen readers, hyphenation and the browser's own controls follow the page's language.
  if (typeof document !== 'undefined') document.documentElement.lang = instance.language;
  return instance;
}

/** Switches the UI language now and for the next starts; null goes back to the system's. */
export async function chooseLanguage(lang: Language | null): Promise<void> {
  storeLanguage(lang);
  const instance = initI18n();
  await instance.changeLanguage(lang ?? systemLanguage());
  if (typeof document !== 'undefined') document.documentElement.lang = instance.language;
}
