// Catalogues by language and namespace. A namespace is one area of the UI
// (one file per language); add a namespace by adding its three files here.
import enCommon from './locales/en/common';
import esCommon from './locales/es/common';
import frCommon from './locales/fr/common';
import enHome from './locales/en/home';
import esHome from './locales/es/home';
import frHome from './locales/fr/home';

export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  en: { common: enCommon, home: enHome },
  es: { common: esCommon, home: esHome },
  fr: { common: frCommon, home: frHome },
} satisfies Record<Language, Record<string, Record<string, string>>>;
