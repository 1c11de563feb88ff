// Catalogues by language and namespace. A namespace is one area of the UI
// (one file per language); add a namespace by adding its three files here.
import enCommon from './locales/en/common';
import esCommon from './locales/es/common';
import frCommon from './locales/fr/common';
import enFollowup from './locales/en/followup';
import esFollowup from './locales/es/followup';
import frFollowup from './locales/fr/followup';

export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  en: { common: enCommon, followup: enFollowup },
  es: { common: esCommon, followup: esFollowup },
  fr: { common: frCommon, followup: frFollowup },
} satisfies Record<Language, Record<string, Record<string, string>>>;
