// Validation messages in plain words, for a person reading them next to the
// field ("at most 40 characters", "cannot be negative"), instead of zod's
// developer text ("Too big: expected string to have <=40 characters").
// Messages a schema gives itself (requiredText's "required", an email hint)
// win over these. Lower-case fragments: the screen makes them a sentence.
// Installed once in the renderer (zod-setup.ts) and per parse in dispatch,
// so the core's field errors read the same as the form's.
import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

const TYPE: Record<string, string> = {
  number: 'enter a number', int: 'enter a whole number', string: 'enter text', boolean: 'tick or clear the box',
  date: 'enter a date', array: 'choose from the list', object: 'fill in this part',
};

const FORMAT: Record<string, string> = {
  email: 'enter an email address such as name@example.org',
  url: 'enter a web address such as https://example.org',
  uuid: 'this reference is not valid; choose it again from the list',
  date: 'use a date such as 2026-11-29',
  datetime: 'use a date and time such as 2026-11-29 14:30',
  regex: 'this is not in the expected form',
};

function tooBig(i: Extract<Issue, { code: 'too_big' }>): string {
  const max = i.maximum;
  switch (i.origin) {
    case 'string': return `at most ${plural(max, 'character', 'characters')}`;
    case 'array': case 'set': return `at most ${plural(max, 'entry', 'entries')}`;
    case 'date': return 'this date is too late';
    default: return i.inclusive === false ? `must be less than ${max}` : `cannot be more than ${max}`;
  }
}

function tooSmall(i: Extract<Issue, { code: 'too_small' }>): string {
  const min = i.minimum;
  switch (i.origin) {
    case 'string': return Number(min) === 1 ? 'required' : `at least ${plural(min, 'character', 'characters')}`;
    case 'array': case 'set': return Number(min) === 1 ? 'choose at least one' : `at least ${plural(min, 'entry', 'entries')}`;
    case 'date': return 'this date is too early';
    default:
      if (Number(min) === 0) return i.inclusive === false ? 'must be more than 0' : 'cannot be negative';
      return i.inclusive === false ? `must be more than ${min}` : `cannot be less than ${min}`;
  }
}

/** A plain message for zod's built-in checks; undefined leaves zod's own (a custom refinement's message). */
export function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return 'required';
      return TYPE[issue.expected] ?? 'this value is not accepted here';
    case 'too_big': return tooBig(issue);
    case 'too_small': return tooSmall(issue);
    case 'invalid_format': return FORMAT[issue.format] ?? 'this is not in the expected form';
    case 'invalid_value': return 'choose one of the options offered';
    case 'not_multiple_of': return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys': return 'contains fields this version of Fairsite does not know';
    case 'invalid_union': return 'this value is not accepted here';
    default: return undefined;
  }
}
