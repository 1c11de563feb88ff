// Validation messages in plain words, for a person reading them next to the
// field ("at most 40 characters", "cannot be negative"), instead of zod's
// developer text ("Too big: expected string to have <=40 characters").
// Messages a schema gives itself (requiredText's "required", an email hint)
// win over these. Lower-case fragments: the screen makes them a sentence.
// Each issue maps to a key and its parameters (issueMessage); the English
// text here is for the core and the command line, the UI translates the
// same key (renderer/src/i18n/locales/*/validation.ts). Installed once in
// the renderer (zod-setup.ts) and per parse in dispatch, so the core's
// field errors read the same as the form's and carry the key as well.
import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

export interface IssueMessage {
  key: string;
  params?: Record<string, number>;
}

/** The English texts; plural keys take `count` (i18next's _one/_other). */
export const ENGLISH_VALIDATION: Record<string, string> = {
  required: 'required',
  'type.number': 'enter a number', 'type.int': 'enter a whole number', 'type.string': 'enter text',
  'type.boolean': 'tick or clear the box', 'type.date': 'enter a date', 'type.array': 'choose from the list',
  'type.object': 'fill in this part', notAccepted: 'this value is not accepted here',
  'format.email': 'enter an email address such as name@example.org',
  'format.url': 'enter a web address such as https://example.org',
  'format.uuid': 'this reference is not valid; choose it again from the list',
  'format.date': 'use a date such as 2026-11-29',
  'format.datetime': 'use a date and time such as 2026-11-29 14:30',
  'format.regex': 'this is not in the expected form',
  'textMax_one': 'at most {{count}} character', 'textMax_other': 'at most {{count}} characters',
  'textMin_one': 'at least {{count}} character', 'textMin_other': 'at least {{count}} characters',
  'listMax_one': 'at most {{count}} entry', 'listMax_other': 'at most {{count}} entries',
  'listMin_one': 'at least {{count}} entry', 'listMin_other': 'at least {{count}} entries',
  chooseOne: 'choose at least one',
  dateLate: 'this date is too late', dateEarly: 'this date is too early',
  lessThan: 'must be less than {{max}}', atMost: 'cannot be more than {{max}}',
  moreThanZero: 'must be more than 0', negative: 'cannot be negative',
  moreThan: 'must be more than {{min}}', atLeast: 'cannot be less than {{min}}',
  options: 'choose one of the options offered',
  multipleOf: 'must be a multiple of {{divisor}}',
  unknownFields: 'contains fields this version of Fairsite does not know',
};

const TYPES = new Set(['number', 'int', 'string', 'boolean', 'date', 'array', 'object']);
const FORMATS = new Set(['email', 'url', 'uuid', 'date', 'datetime', 'regex']);

function tooBig(i: Extract<Issue, { code: 'too_big' }>): IssueMessage {
  const max = Number(i.maximum);
  switch (i.origin) {
    case 'string': return { key: 'textMax', params: { count: max } };
    case 'array': case 'set': return { key: 'listMax', params: { count: max } };
    case 'date': return { key: 'dateLate' };
    default: return { key: i.inclusive === false ? 'lessThan' : 'atMost', params: { max } };
  }
}

function tooSmall(i: Extract<Issue, { code: 'too_small' }>): IssueMessage {
  const min = Number(i.minimum);
  switch (i.origin) {
    case 'string': return min === 1 ? { key: 'required' } : { key: 'textMin', params: { count: min } };
    case 'array': case 'set': return min === 1 ? { key: 'chooseOne' } : { key: 'listMin', params: { count: min } };
    case 'date': return { key: 'dateEarly' };
    default:
      if (min === 0) return { key: i.inclusive === false ? 'moreThanZero' : 'negative' };
      return { key: i.inclusive === false ? 'moreThan' : 'atLeast', params: { min } };
  }
}

/** The key and parameters of a zod built-in check; undefined for a custom refinement (its own message stands). */
export function issueMessage(issue: Issue): IssueMessage | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return { key: 'required' };
      return { key: TYPES.has(issue.expected) ? `type.${issue.expected}` : 'notAccepted' };
    case 'too_big': return tooBig(issue);
    case 'too_small': return tooSmall(issue);
    case 'invalid_format': return { key: FORMATS.has(issue.format) ? `format.${issue.format}` : 'format.regex' };
    case 'invalid_value': return { key: 'options' };
    case 'not_multiple_of': return { key: 'multipleOf', params: { divisor: Number(issue.divisor) } };
    case 'unrecognized_keys': return { key: 'unknownFields' };
    case 'invalid_union': return { key: 'notAccepted' };
    default: return undefined;
  }
}

/** English text of a key, the way i18next would pick the plural form in English. */
export function englishText(m: IssueMessage): string {
  const count = m.params?.count;
  const key = count === undefined ? m.key : `${m.key}_${count === 1 ? 'one' : 'other'}`;
  const text = ENGLISH_VALIDATION[key] ?? ENGLISH_VALIDATION.notAccepted!;
  return text.replace(/\{\{(\w+)\}\}/g, (_, p: string) => String(m.params?.[p] ?? ''));
}

/** A plain message for zod's built-in checks; undefined leaves zod's own (a custom refinement's message). */
export function plainMessage(issue: Issue): string | undefined {
  const m = issueMessage(issue);
  return m ? englishText(m) : undefined;
}
