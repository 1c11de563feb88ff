// Catalogues by language and namespace. A namespace is one area of the UI
// (one file per language); add a namespace by adding its three files here.
import enCommon from './locales/en/common';
import esCommon from './locales/es/common';
import frCommon from './locales/fr/common';
import enHq from './locales/en/hq';
import esHq from './locales/es/hq';
import frHq from './locales/fr/hq';

export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  en: { common: enCommon, hq: enHq },
  es: { common: esCommon, hq: esHq },
  fr: { common: frCommon, hq: frHq },
} satisfies Record<Language, Record<string, Record<string, string>>>;
