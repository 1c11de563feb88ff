// Every fixed text of the report, keyed by id, so that a report language is
// one more table of the same keys: English (the default; Sedex asks for
// reports in English), Spanish and French (strings/es.ts, strings/fr.ts).
// Placeholders are {name}; counts go through count() so that singular and
// plural follow the language's plural rules.
//
// The language is that of the report being laid out: renderReport runs its
// layout inside inReportLanguage(), and text() reads it from there, so every
// section asks for its texts the same way whatever the language, and two
// reports laid out at once (async, with yields) keep their own.
import { AsyncLocalStorage } from 'node:async_hooks';
import { ES, ES_NOUNS } from './strings/es';
import { FR, FR_NOUNS } from './strings/fr';
import { NOTES_EN, NOTES_ES, NOTES_FR } from './strings/notes';
import { FOLLOWUP_EN, FOLLOWUP_ES, FOLLOWUP_FR } from './strings/followup';
import { DETAILS_EN, DETAILS_ES, DETAILS_FR } from './strings/details';

export const REPORT_LANGUAGES = ['en', 'es', 'fr'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const current = new AsyncLocalStorage<ReportLanguage>();

/** Runs `fn` (and everything it awaits) with `lang` as the report language. */
export function inReportLanguage<T>(lang: ReportLanguage, fn: () => T): T {
  return current.run(lang, fn);
}

export function reportLanguage(): ReportLanguage {
  return current.getStore() ?? 'en';
}

const EN = {
  ...NOTES_EN,
  ...FOLLOWUP_EN,
  ...DETAILS_EN,
  'report.title': 'Ethical compliance audit report: {site}',
  'report.titleDraft': 'DRAFT Ethical compliance audit report: {site}',
  'header.confidential': 'CONFIDENTIAL',
  'footer.audit': 'Audit ID {id} · revision {revision}',
  'footer.page': 'Page {n} of {total}',
  'footer.draft': 'DRAFT',
  'draft.mark': 'DRAFT — not signed',

  'cover.kind': 'ETHICAL COMPLIANCE AUDIT REPORT',
  'cover.rating': 'RATING',
  'cover.compliance': 'Compliance {percent}',
  'cover.score': 'Score {percent}',
  'cover.answered': '{answered} of {total} items answered',
  'cover.client': 'Client',
  'cover.clients': 'Clients',
  'cover.type': 'Audit type',
  'cover.dates': 'Audit dates',
  'cover.datesRange': '{start} to {end}',
  'cover.lead': 'Lead auditor',
  'cover.team': 'Audit team',
  'cover.checklist': 'Checklist',
  'cover.headcount': 'Headcount',
  'cover.critical': '{n} critical',
  'cover.major': '{n} major',
  'cover.minor': '{n} minor',
  'cover.identity': 'Report identity',
  'cover.auditId': 'Audit ID',
  'cover.auditIdValue': '{id} (revision {revision})',
  'cover.hash': 'Content hash (SHA-256)',
  'cover.notSealed': 'not sealed: the audit is not finalized',
  'cover.status': 'Status',
  'cover.finalized': 'Finalized {when}',
  'cover.notFinalized': 'Not finalized',
  'cover.signature': 'Digital signature',
  'cover.unsignedDraft': 'None: this is a draft export',
  'cover.signedBy': 'Signed by {name} ({organisation}). Any change to this file shows in a PDF reader\'s signature panel.',
  'cover.generated': 'Generated',

  'ch.details': '1. Audit details',
  'ch.profile': '2. Site and workforce profile',
  'ch.summary': '3. Executive summary',
  'ch.nonCompliances': '4. Non-compliances',
  'ch.sections': '5. Findings by section',
  'ch.goodPractices': '6. Good practices',
  'ch.wages': '7. Wages and working hours',
  'ch.capr': '8. Corrective action plan (CAPR)',
  'ch.interviews': '9. Worker interviews',
  'ch.signoff': '10. Declaration and sign-off',
  'ch.appendix': '11. Photo appendix',

  'profile.intro': 'As recorded by the auditor on the audit days. Counts are people on the payroll of the site, including agency workers on site.',
  'profile.site': 'Site',
  'profile.workforce': 'Workforce',
  'profile.none': 'No site and workforce profile was recorded for this audit.',
  'profile.legalEntity': 'Legal entity',
  'profile.address': 'Address',
  'profile.floors': 'Floors occupied',
  'profile.building': 'Building',
  'profile.shared': 'Shared building',
  'profile.sharedYes': 'Yes: other companies use the same building',
  'profile.sharedNo': 'No: the site has the building to itself',
  'profile.fire': 'Fire certificate',
  'profile.fireExpiry': 'valid until {date}',
  'profile.services': 'Services provided',
  'profile.clients': 'Clients served',
  'profile.group': 'Group',
  'profile.count': 'Workers',
  'profile.share': 'Share of headcount',
  'profile.byGender': 'By gender',
  'profile.byContract': 'By contract type',
  'profile.groups': 'Groups with specific protections',
  'profile.notRecorded': 'not recorded',

  'sections.intro': 'For each section: what the auditor wrote, every finding and observation in full, then every item that was checked, with its answer, reading or selection and note.',
  'sections.checked': 'What was checked',
  'sections.item': 'Item',
  'sections.answer': 'Answer',
  'sections.reading': 'Reading or selection',
  'sections.note': 'Note',
  'sections.findings': 'Findings and observations',
  'sections.noFindings': 'No finding or observation in this section.',
  'sections.seeAppendix': 'Photos {refs} in the photo appendix',

  'good.intro': 'Practices the auditor found worth recognising and sharing.',
  'good.none': 'No good practice was recorded.',

  'capr.intro': 'One entry per non-compliance, in the shape of a SMETA corrective action plan. Timescales count calendar days from the last audit day; where the auditor chose none, the default for the severity applies (critical: immediate, within 30 days; major: 60 days; minor: 90 days). The site representative signs for this plan on the sign-off page.',
  'capr.none': 'No corrective actions were agreed.',
  'capr.overview': 'Overview',
  'capr.ref': 'Ref',
  'capr.clause': 'Clause',
  'capr.severity': 'Severity',
  'capr.timescale': 'Timescale',
  'capr.due': 'Due',
  'capr.status': 'Status',
  'capr.acceptance': 'Site',
  'capr.finding': 'Non-compliance',
  'capr.evidence': 'Objective evidence',
  'capr.rootCause': 'Root cause',
  'capr.action': 'Corrective action',
  'capr.preventive': 'Preventive action',
  'capr.owner': 'Responsible at the site',
  'capr.timescaleDue': 'Timescale and due date',
  'capr.verification': 'Verification method',
  'capr.verificationNotes': 'Verification notes',
  'capr.siteComments': "Site's comments",
  'capr.siteAcceptance': "Site's acceptance",
  'capr.notRecorded': 'Not recorded',
  'capr.noAction': 'No corrective action was agreed for this non-compliance.',

  'consistency.heading': 'Consistency checks',
  'consistency.intro': 'Before finalizing, the records were checked for contradictions a reader would notice. The auditor acknowledged the following, with the reason given.',
  'consistency.none': 'The consistency checks found no contradiction in this audit.',
  'consistency.reason': 'Auditor: {note}',

  'decl.heading': 'Auditor declaration',
  'decl.credentials': 'Credentials',
  'decl.apsca': 'APSCA member no. {number}',
  'decl.other': '{scheme} no. {number}',
  'decl.noCredentials': 'No auditor credential recorded',
  'decl.independence': 'Independence',
  'decl.limitations': 'Limitations of this audit',
  'decl.disclaimer': 'Disclaimer',
  'decl.distribution': 'Distribution',
  'decl.defaultDisclaimer': 'This report describes what the auditor observed at the site on the audit days, from the records, interviews and places sampled. It does not certify that the site complies at other times or in places not sampled.',
  'decl.defaultDistribution': 'The site, the auditor’s organisation and the clients named in this report. CONFIDENTIAL: not to be passed on without the consent of the site and the auditor’s organisation.',
  'decl.noLimitations': 'The auditor recorded no limitation: every place and record asked for was made available.',
  'signoff.heading': 'Signatures',
  'signoff.capr': 'By signing, the site representative accepts the corrective action plan of chapter 8 ({actions}), with the site’s comments and acceptance recorded there for each non-compliance.',
} as const;

export type StringId = keyof typeof EN;
/** The English table, for the check that no English is left in another language. */
export const ENGLISH_STRINGS: Readonly<Record<StringId, string>> = EN;
const TABLES: Record<ReportLanguage, Record<StringId, string>> = { en: EN, es: { ...ES, ...NOTES_ES, ...FOLLOWUP_ES, ...DETAILS_ES }, fr: { ...FR, ...NOTES_FR, ...FOLLOWUP_FR, ...DETAILS_FR } };

export function text(id: StringId, params: Record<string, string | number> = {}, lang: ReportLanguage = reportLanguage()): string {
  return TABLES[lang][id].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

// Nouns counted in the report, singular and plural.
const NOUNS = {
  finding: ['non-compliance', 'non-compliances'],
  action: ['corrective action', 'corrective actions'],
  item: ['item', 'items'],
  record: ['record', 'records'],
  interview: ['interview', 'interviews'],
  document: ['document', 'documents'],
  photo: ['photo', 'photos'],
  worker: ['worker', 'workers'],
  sampledWorker: ['sampled worker', 'sampled workers'],
  sampledWeek: ['sampled week', 'sampled weeks'],
  sampledRecord: ['sampled pay record', 'sampled pay records'],
  day: ['day', 'days'],
  warning: ['warning', 'warnings'],
} as const;
export type Noun = keyof typeof NOUNS;
const NOUN_TABLES: Record<ReportLanguage, Record<Noun, readonly [string, string]>> = { en: NOUNS, es: ES_NOUNS, fr: FR_NOUNS };

/** Singular or plural of a noun for `n`, by the language's plural rules (French: 0 and 1 are singular). */
function form(n: number, noun: Noun, lang: ReportLanguage): string {
  const [one, many] = NOUN_TABLES[lang][noun];
  return new Intl.PluralRules(lang).select(n) === 'one' ? one : many;
}

/** "1 non-compliance", "3 non-compliances", "no non-compliance". */
export function count(n: number, noun: Noun, opts: { zero?: boolean } = {}): string {
  const lang = reportLanguage();
  // Spanish and French "no" agrees with the noun's gender; a figure says the same without guessing it.
  if (n === 0 && opts.zero && lang === 'en') return `no ${NOUNS[noun][0]}`;
  return `${n} ${form(n, noun, lang)}`;
}

const OF: Record<ReportLanguage, string> = { en: 'of', es: 'de', fr: 'sur' };

/** "1 of 5 sampled workers". */
export function countOf(part: number, whole: number, noun: Noun): string {
  const lang = reportLanguage();
  return `${part} ${OF[lang]} ${whole} ${form(whole, noun, lang)}`;
}
