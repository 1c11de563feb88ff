// What the core says beyond the checks (shared/locales/en/checks.ts): why an
// audit cannot be finalized, a report's progress, why headquarters refused a
// configuration package or a bundle, what is wrong in a template. The core
// writes them in English from here (logs, the command line); the UI's `core`
// namespace is these same files, so each refusal reaches the screen in the
// auditor's language. Figures are {{params}}, formatted in the reader's
// language; a parameter may itself be a message.
import hq from './core-hq';
import refusals from './core-refusals';
import bundle from './core-bundle';
import hqAdmin from './core-hq-admin';
import laptop from './core-laptop';
import hqRead from './core-hq-read';
import hqChecks from './core-hq-checks';
import hqExport from './core-hq-export';

export default {
  ...hq,
  ...refusals,
  ...bundle,
  ...hqAdmin,
  ...laptop,
  ...hqRead,
  ...hqChecks,
  ...hqExport,
  'core.sentences': '{{a}} {{b}}',
  'core.list': '{{a}}, {{b}}',
  'core.or': '{{a}} or {{b}}',
  // A sentence kept as written (stored before it had a key).
  'core.asWritten': '{{text}}',

  // Finalizing (electron/core/store/repos/lifecycle.ts, report/consistency-load.ts).
  'finalize.blockers_one': '{{count}} item still needs attention before the audit can be finalized.',
  'finalize.blockers_other': '{{count}} items still need attention before the audit can be finalized.',
  'finalize.inconsistent_one': '{{count}} consistency warning must be corrected or acknowledged before the audit can be finalized: {{warnings}}',
  'finalize.inconsistent_other': '{{count}} consistency warnings must be corrected or acknowledged before the audit can be finalized: {{warnings}}',

  // What keeps an item from being final (shared/scoring.ts).
  'followup.verify': 'Record the verification of “{{prompt}}”.',
  'followup.evidence': 'Say what evidence shows “{{prompt}}” closed.',
  'followup.stillOpen': 'Say what is still open for “{{prompt}}”.',
  'followup.blockers_one': '{{count}} thing still needs attention before the follow-up can be finalized: {{problems}}',
  'followup.blockers_other': '{{count}} things still need attention before the follow-up can be finalized: {{problems}}',
  'blocker.unanswered': 'Answer “{{prompt}}”',
  'blocker.severity': 'Choose a severity for “{{prompt}}”',
  'blocker.note': 'Write a note for “{{prompt}}”',
  'blocker.noteSeverity': 'Write a note for “{{prompt}}” saying why it is {{chosen}}, not {{graded}} as the template grades it',
  'blocker.evidence': 'Attach evidence for “{{prompt}}”',
  'severity.critical': 'critical',
  'severity.major': 'major',
  'severity.minor': 'minor',

  // A report being made (electron/core/report/export.ts, render.ts).
  'progress.reading': 'Reading the audit',
  'progress.cover': 'Cover',
  'progress.summary': 'Summary',
  'progress.nonCompliances': 'Non-compliances',
  'progress.findings': 'Findings by section',
  'progress.analysis': 'Analysis and action plan',
  'progress.signoff': 'Sign-off',
  'progress.appendix': 'Photo appendix {{n}} of {{total}}',
  'progress.laidOut': 'Laid out',
  'progress.signing': 'Signing',
  'progress.saving': 'Saving',
  'progress.importing': 'Importing {{n}} of {{total}}',
  'progress.done': 'Done',

  // HQ's configuration package on a laptop, and published at HQ (electron/core/hqconfig/*).
  'hqConfig.refused': '{{reason}} Nothing was changed.',
  'hqConfig.notJson': 'This file is not an HQ configuration package (it is not JSON). Ask HQ for the file again.',
  'hqConfig.unreadable': 'This file is not an HQ configuration package Fairsite can read (its fields are wrong or missing). Ask HQ for the file again.',
  'hqConfig.templateProblems_one': 'Template {{n}} of the package has {{count}} problem.',
  'hqConfig.templateProblems_other': 'Template {{n}} of the package has {{count}} problems.',
  'hqConfig.badSignature': 'The package was changed after HQ signed it, or its signature is damaged. Ask HQ for the file again.',
  'hqConfig.notGivenKey': 'The package is signed by the key {{fingerprint}}, not by the key HQ gave you ({{expected}}). Check with HQ before using it.',
  'hqConfig.notTrustedKey': 'The package is signed by the key {{fingerprint}}, not by the HQ whose configuration this laptop took before ({{trusted}}). Check with HQ before using it.',
  'hqConfig.older': 'This package (issued {{issued}}) is older than the one already imported (issued {{before}}).',
  'hqConfig.notHttps': 'Use the https:// address HQ gave ({{address}} is not encrypted).',
  'hqConfig.mustHttps': 'must be https://',
  'hqConfig.fetchFailed': 'Could not fetch the package from {{host}} ({{error}}); it may redirect elsewhere, which is refused. Check the address, or import the file HQ sent instead.',
  'hqConfig.httpStatus': '{{host}} answered {{status}} for the package address. Check the address with HQ.',
  'hqConfig.nothingSent': '{{host}} sent no package.',
  'hqConfig.tooLarge': 'The answer from {{host}} is larger than any HQ configuration package (over {{mb}} MB). Check the address.',
  'hqConfig.publishProblems_one': 'Template {{n}} has {{count}} problem; nothing was published. Fix it (fairsite template validate FILE lists them) and publish again.',
  'hqConfig.publishProblems_other': 'Template {{n}} has {{count}} problems; nothing was published. Fix it (fairsite template validate FILE lists them) and publish again.',
  'hqConfig.givenTwice': 'Template "{{key}}" version {{version}} is given twice; publish each version once.',

  // Installing a template (electron/core/template-file.ts, store/repos/templates.ts).
  'template.versionTaken': 'A different template "{{key}}" version {{version}} is already installed. Give the changed template a new version number.',
  'template.problems_one': 'The template has {{count}} problem; nothing was imported.',
  'template.problems_other': 'The template has {{count}} problems; nothing was imported.',
  'template.problemsListed_one': 'The template has {{count}} problem (the first {{listed}} are listed); nothing was imported.',
  'template.problemsListed_other': 'The template has {{count}} problems (the first {{listed}} are listed); nothing was imported.',
  'template.notInstalled': 'That template is not installed.',

  // What is wrong in a template file (shared/template/*).
  'template.tooLarge': 'the file is {{size}}, more than the {{max}} a template may be; a real checklist is well under {{real}}',
  'template.empty': 'the file is empty',
  'template.tooDeep': 'the file is nested more than {{depth}} levels deep, and a template nests about eight levels: this is not a Fairsite template',
  'template.syntax': 'JSON syntax error: {{error}}',
  // Where a template file is broken, and what its JSON scanner found there (shared/json-scan.ts).
  'template.at': 'line {{line}}, column {{column}}',
  'json.afterEnd': 'unexpected text after the end of the document',
  'json.end': 'the end of the text',
  'json.char': '{{char}}',
  'json.tooDeep': 'nested more than {{depth}} levels deep',
  'json.singleQuotes': 'strings must use double quotes',
  'json.expectedValue': 'expected a value but found {{found}}',
  'json.expectedName': 'expected a property name in double quotes but found {{found}}',
  'json.expectedColon': 'expected \':\' after property name but found {{found}}',
  'json.expectedComma': 'expected \',\' or \'{{close}}\' but found {{found}}',
  'json.trailingComma': 'trailing comma before {{close}}',
  'json.unterminated': 'unterminated string',
  'json.control': 'control character inside a string (use \\n, \\t ...)',
  'json.badUnicode': 'bad \\u escape: four hex digits expected',
  'json.badEscape': 'bad escape sequence {{escape}}',
  'json.badNumber': 'malformed number',
  'json.badNumberForm': 'malformed number (no leading zeros, digits on both sides of the point)',
  'template.duplicateKey': 'the key "{{key}}" appears more than once in the same object',
  'template.unknownField': 'unknown field (check its spelling)',
  'template.oneOf': 'must be one of: {{options}}',
  'template.required': 'required ({{type}})',
  'template.duplicateId': 'duplicate id "{{id}}"',
  'template.duplicateOption': 'duplicate option "{{value}}"',
  'template.duplicateGrade': 'duplicate grade "{{grade}}"',
  'template.gradeOrder': 'grades go best first: each minimum must not be above the one before',
  'template.unknownGrade': '"{{grade}}" is not one of the scheme\'s grades ({{grades}})',
  'template.bandUnique': 'each band needs its own name and its own minimum',
  'template.maxBelowMin': 'max must not be below min',
  'template.warnBelowFail': 'warnBelow must not be below failBelow',
  'template.failBelowWarn': 'failAbove must not be below warnAbove',
  'template.limitsCross': 'the lower limits must not be above the upper limits',
  'template.idFormat': 'use lowercase letters, digits, ".", "_" or "-" (at most 64)',
  'template.semver': 'use a semantic version such as 1.0.0',
  'template.ownLanguage': '"{{lang}}" is the template\'s own language; its texts are in the template itself',
  'template.noSection': 'the template has no section "{{section}}"',
  'template.noItem': 'section "{{section}}" has no item "{{item}}"',
  'template.evidenceLines': 'give all {{count}} evidence lines, in the template\'s order ({{given}} given)',
  'template.noOption': 'item "{{item}}" has no option "{{option}}"',
};
