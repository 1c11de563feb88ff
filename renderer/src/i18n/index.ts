// The UI's one translation instance. Every visible string goes through
// `t()` (react-i18next's useTranslation) with a key in a namespace catalogue
// under locales/<language>/<namespace>.ts. English is the source language;
// a key missing in another language falls back to English.
import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from './languages';
import { catalogue as en } from './catalogue-en';
import { storedLanguage, storeLanguage } from './preferences';

type Catalogue = Record<string, Record<string, string>>;

// English is in the code every start loads (the source, and every other
// language's fallback); Spanish and French are chunks of their own, fetched
// the first time the UI is in that language, so a start parses one language's
// catalogue, not three (about 200 kB less for every start in English).
const later: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  es: () => import('./catalogue-es').then((m) => m.catalogue),
  fr: () => import('./catalogue-fr').then((m) => m.catalogue),
};
const fetched = new Map<string, Promise<Catalogue>>();

/** i18next's source for a language not bundled: its whole catalogue, one fetch, each namespace taken from it. */
const otherLanguages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, done) {
    const load = later[language as keyof typeof later];
    if (!load) return done(null, {});
    let catalogue = fetched.get(language);
    if (!catalogue) {
      catalogue = load();
      fetched.set(language, catalogue);
    }
    catalogue.then(
      (c) => done(null, c[namespace] ?? {}),
      (err: unknown) => {
        fetched.delete(language); // asked again next time
        done(err instanceof Error ? err : new Error(String(err)), false);
      },
    );
  },
};

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
let loaded: Promise<unknown> = Promise.resolve();

/** Resolves once the language the UI started in has its catalogue (at once for English). */
export const languageLoaded = (): Promise<unknown> => loaded;

/** Starts (once) and returns the translation instance, in `language`, else the one chosen in Settings, else the system's. */
export function initI18n(language: Language = storedLanguage() ?? systemLanguage()): i18n {
  if (ready) return ready;
  const instance = i18next.createInstance();
  const extra = testLanguage();
  loaded = instance.use(otherLanguages).use(initReactI18next).init({
    resources: extra ? { en, [extra.lng]: extra.resources } : { en },
    partialBundledLanguages: true,
    lng: extra?.lng ?? language,
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: Object.keys(en),
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
