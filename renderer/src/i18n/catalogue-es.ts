// The es catalogue: every namespace of the UI in this language, one chunk
// the app loads alone (generated from locales/; one file per namespace).
import common from './locales/es/common';
import app from './locales/es/app';
import checks from './locales/es/checks';
import closure from './locales/es/closure';
import core from './locales/es/core';
import coreui from './locales/es/coreui';
import evidence from './locales/es/evidence';
import followup from './locales/es/followup';
import forms from './locales/es/forms';
import home from './locales/es/home';
import hq from './locales/es/hq';
import hqcfg from './locales/es/hqcfg';
import hqchoice from './locales/es/hqchoice';
import hqdb from './locales/es/hqdb';
import hqhandover from './locales/es/hqhandover';
import hqhistory from './locales/es/hqhistory';
import hqkeys from './locales/es/hqkeys';
import keys from './locales/es/keys';
import report from './locales/es/report';
import settings from './locales/es/settings';
import terms from './locales/es/terms';
import validation from './locales/es/validation';
import walkthrough from './locales/es/walkthrough';
import zone from './locales/es/zone';

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
