// Catalogues by language and namespace. A namespace is one area of the UI
// (one file per language); add a namespace by adding its three files here.
import enCommon from './locales/en/common';
import esCommon from './locales/es/common';
import frCommon from './locales/fr/common';
import enApp from './locales/en/app';
import esApp from './locales/es/app';
import frApp from './locales/fr/app';
import enChecks from './locales/en/checks';
import esChecks from './locales/es/checks';
import frChecks from './locales/fr/checks';
import enCore from './locales/en/core';
import esCore from './locales/es/core';
import frCore from './locales/fr/core';
import enCoreui from './locales/en/coreui';
import esCoreui from './locales/es/coreui';
import frCoreui from './locales/fr/coreui';
import enEvidence from './locales/en/evidence';
import esEvidence from './locales/es/evidence';
import frEvidence from './locales/fr/evidence';
import enFollowup from './locales/en/followup';
import esFollowup from './locales/es/followup';
import frFollowup from './locales/fr/followup';
import enForms from './locales/en/forms';
import esForms from './locales/es/forms';
import frForms from './locales/fr/forms';
import enHome from './locales/en/home';
import esHome from './locales/es/home';
import frHome from './locales/fr/home';
import enHq from './locales/en/hq';
import esHq from './locales/es/hq';
import frHq from './locales/fr/hq';
import enHqcfg from './locales/en/hqcfg';
import esHqcfg from './locales/es/hqcfg';
import frHqcfg from './locales/fr/hqcfg';
import enKeys from './locales/en/keys';
import esKeys from './locales/es/keys';
import frKeys from './locales/fr/keys';
import enReport from './locales/en/report';
import esReport from './locales/es/report';
import frReport from './locales/fr/report';
import enSettings from './locales/en/settings';
import esSettings from './locales/es/settings';
import frSettings from './locales/fr/settings';
import enTerms from './locales/en/terms';
import esTerms from './locales/es/terms';
import frTerms from './locales/fr/terms';
import enValidation from './locales/en/validation';
import esValidation from './locales/es/validation';
import frValidation from './locales/fr/validation';
import enWalkthrough from './locales/en/walkthrough';
import esWalkthrough from './locales/es/walkthrough';
import frWalkthrough from './locales/fr/walkthrough';

export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  en: { common: enCommon, app: enApp, checks: enChecks, core: enCore, coreui: enCoreui, evidence: enEvidence, followup: enFollowup, forms: enForms, home: enHome, hq: enHq, hqcfg: enHqcfg, keys: enKeys, report: enReport, settings: enSettings, terms: enTerms, validation: enValidation, walkthrough: enWalkthrough },
  es: { common: esCommon, app: esApp, checks: esChecks, core: esCore, coreui: esCoreui, evidence: esEvidence, followup: esFollowup, forms: esForms, home: esHome, hq: esHq, hqcfg: esHqcfg, keys: esKeys, report: esReport, settings: esSettings, terms: esTerms, validation: esValidation, walkthrough: esWalkthrough },
  fr: { common: frCommon, app: frApp, checks: frChecks, core: frCore, coreui: frCoreui, evidence: frEvidence, followup: frFollowup, forms: frForms, home: frHome, hq: frHq, hqcfg: frHqcfg, keys: frKeys, report: frReport, settings: frSettings, terms: frTerms, validation: frValidation, walkthrough: frWalkthrough },
} satisfies Record<Language, Record<string, Record<string, string>>>;
