// The en catalogue: every namespace of the UI in this language, one chunk
// the app loads alone (generated from locales/; one file per namespace).
import common from './locales/en/common';
import app from './locales/en/app';
import checks from './locales/en/checks';
import closure from './locales/en/closure';
import core from './locales/en/core';
import coreui from './locales/en/coreui';
import evidence from './locales/en/evidence';
import followup from './locales/en/followup';
import forms from './locales/en/forms';
import home from './locales/en/home';
import hq from './locales/en/hq';
import hqcfg from './locales/en/hqcfg';
import hqchoice from './locales/en/hqchoice';
import hqdb from './locales/en/hqdb';
import hqhandover from './locales/en/hqhandover';
import hqhistory from './locales/en/hqhistory';
import hqkeys from './locales/en/hqkeys';
import keys from './locales/en/keys';
import report from './locales/en/report';
import settings from './locales/en/settings';
import terms from './locales/en/terms';
import validation from './locales/en/validation';
import walkthrough from './locales/en/walkthrough';
import zone from './locales/en/zone';

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
