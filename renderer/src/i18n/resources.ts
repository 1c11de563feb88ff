// Catalogues by language and namespace. A namespace is one area of the UI
// (one file per language); add a namespace by adding its three files here.
import enCommon from './locales/en/common';
import esCommon from './locales/es/common';
import frCommon from './locales/fr/common';
import enApp from './locales/en/app';
import esApp from './locales/es/app';
import frApp from './locales/fr/app';
import enValidation from './locales/en/validation';
import esValidation from './locales/es/validation';
import frValidation from './locales/fr/validation';

export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  en: { common: enCommon, app: enApp, validation: enValidation },
  es: { common: esCommon, app: esApp, validation: esValidation },
  fr: { common: frCommon, app: frApp, validation: frValidation },
} satisfies Record<Language, Record<string, Record<string, string>>>;
