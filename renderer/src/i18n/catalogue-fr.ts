// The fr catalogue: every namespace of the UI in this language, one chunk
// the app loads alone (generated from locales/; one file per namespace).
import common from './locales/fr/common';
import app from './locales/fr/app';
import checks from './locales/fr/checks';
import closure from './locales/fr/closure';
import core from './locales/fr/core';
import coreui from './locales/fr/coreui';
import evidence from './locales/fr/evidence';
import followup from './locales/fr/followup';
import forms from './locales/fr/forms';
import home from './locales/fr/home';
import hq from './locales/fr/hq';
import hqcfg from './locales/fr/hqcfg';
import hqchoice from './locales/fr/hqchoice';
import hqdb from './locales/fr/hqdb';
import hqhandover from './locales/fr/hqhandover';
import hqhistory from './locales/fr/hqhistory';
import hqkeys from './locales/fr/hqkeys';
import keys from './locales/fr/keys';
import report from './locales/fr/report';
import settings from './locales/fr/settings';
import terms from './locales/fr/terms';
import validation from './locales/fr/validation';
import walkthrough from './locales/fr/walkthrough';
import zone from './locales/fr/zone';

export const catalogue = {
  common: common,
  app: app,
  checks: checks,
  closure: closure,
  core: core,
  coreui: coreui,
  evidence: evidence,
  followup: followup,
  forms: forms,
  home: home,
  hq: hq,
  hqcfg: hqcfg,
  hqchoice: hqchoice,
  hqdb: hqdb,
  hqhandover: hqhandover,
  hqhistory: hqhistory,
  hqkeys: hqkeys,
  keys: keys,
  report: report,
  settings: settings,
  terms: terms,
  validation: validation,
  walkthrough: walkthrough,
  zone: zone,
};
