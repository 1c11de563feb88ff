// Catalogues by language and namespace. A namespace is one area of the UI
// (one file per language); add a namespace by adding its three files here.
import enCommon from './locales/en/common';
import esCommon from './locales/es/common';
import frCommon from './locales/fr/common';
import enReport from './locales/en/report';
import esReport from './locales/es/report';
import frReport from './locales/fr/report';

export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  en: { common: enCommon, report: enReport },
  es: { common: esCommon, report: esReport },
  fr: { common: frCommon, report: frReport },
} satisfies Record<Language, Record<string, Record<string, string>>>;
