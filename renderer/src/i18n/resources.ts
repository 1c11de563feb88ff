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
import enWalkthrough from './locales/en/walkthrough';
import esWalkthrough from './locales/es/walkthrough';
import frWalkthrough from './locales/fr/walkthrough';
import enTerms from './locales/en/terms';
import esTerms from './locales/es/terms';
import frTerms from './locales/fr/terms';
import enForms from './locales/en/forms';
import esForms from './locales/es/forms';
import frForms from './locales/fr/forms';
import enEvidence from './locales/en/evidence';
import esEvidence from './locales/es/evidence';
import frEvidence from './locales/fr/evidence';
import enReport from './locales/en/report';
import esReport from './locales/es/report';
import frReport from './locales/fr/report';
import enKeys from './locales/en/keys';
import esKeys from './locales/es/keys';
import frKeys from './locales/fr/keys';
import enSettings from './locales/en/settings';
import esSettings from './locales/es/settings';
import frSettings from './locales/fr/settings';

export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  en: { common: enCommon, settings: enSettings, keys: enKeys, report: enReport, evidence: enEvidence, forms: enForms, terms: enTerms, walkthrough: enWalkthrough, app: enApp, validation: enValidation },
  es: { common: esCommon, settings: esSettings, keys: esKeys, report: esReport, evidence: esEvidence, forms: esForms, terms: esTerms, walkthrough: esWalkthrough, app: esApp, validation: esValidation },
  fr: { common: frCommon, settings: frSettings, keys: frKeys, report: frReport, evidence: frEvidence, forms: frForms, terms: frTerms, walkthrough: frWalkthrough, app: frApp, validation: frValidation },
} satisfies Record<Language, Record<string, Record<string, string>>>;
