// A schema's own messages (a country from the list, a code such as W-07) by
// key and parameters, like zod's built-in checks (zod-messages.ts): the core
// and the command line say them in English, the UI in its language through
// the translator it installs (renderer/src/zod-setup.ts). The issue carries
// the key, so a field error the core returns is translated the same way.
import type { z } from 'zod';
import { ENGLISH_VALIDATION } from './zod-messages';
import { renderWith } from './messages';

/** English texts of the schema-own keys (the `validation` namespace, beside the built-in ones). */
export const ENGLISH_SCHEMA = {
  'schema.country': 'choose a country from the list',
  'schema.countryCode': 'use a two-letter country code',
  'schema.currency': 'choose a currency from the list',
  'schema.mediaType': 'must be a media type such as application/pdf',
  'schema.fileTooLarge': 'the file is larger than {{size}} MiB',
  'schema.base64': 'must be base64',
  'schema.pngData': 'must be base64 PNG data',
  'schema.endAfterStart': 'must be on or after the start date',
  'schema.sha256': 'must be a SHA-256 in lower-case hex',
  'schema.interviewCode': 'use a code such as W-07, never a name',
  'schema.auditorId': 'letters, digits, ".", "_" or "-" only',
  'schema.workerCount': 'enter a whole number of workers, 0 or more',
  'schema.headcountFirst': 'enter the headcount first: the groups below are parts of it',
  'schema.gendersAbove': 'women, men and others add up to {{sum}}, more than the headcount of {{total}}',
  'schema.contractsAbove': 'the contract types add up to {{sum}}, more than the headcount of {{total}}',
  'schema.groupAbove': '{{value}} is more than the headcount of {{total}}',
  'schema.certNumber': 'enter the membership or registration number',
  'schema.certScheme': 'name the scheme or body that issued it',
  'schema.hoursMax': 'at most {{max}} hours',
  'schema.wholeDays': 'whole days',
  'schema.daysIn7': 'at most 7 days in 7',
  'schema.daysMax': 'at most {{max}} days',
  'schema.weekHours': 'contracted and overtime hours together cannot exceed {{max}} in 7 days',
  'schema.rateMin.overtime': 'at least 1 (overtime paid at 100 %)',
  'schema.rateMin.night': 'at least 1 (night work paid at 100 %)',
  'schema.rateMin.restDay': 'at least 1 (rest-day work paid at 100 %)',
  'schema.rateMin.holiday': 'at least 1 (holiday work paid at 100 %)',
  'schema.rateMax': 'at most 5 (500 %)',
  'schema.httpsAddress': 'use a web address starting with https://',
  'schema.httpAddress': 'enter an http:// or https:// address',
  'schema.fileName': 'must be a plain file name',
  'schema.reportFile': 'must be the name of a report file',
  'schema.exportFile': 'must be the name of an export file',
  'schema.fingerprint': 'must be a key fingerprint (64 hex digits)',
  'schema.timeZone': 'choose a time zone from the list, such as Asia/Manila',
  'schema.ageKey': 'must be an age public key (age1…)',
  'schema.emptyFile': 'the file is empty',
  'schema.calendarDay': 'not a day of the calendar: use a date such as 2026-11-29',
} satisfies Record<string, string>;

const ENGLISH = { ...ENGLISH_VALIDATION, ...ENGLISH_SCHEMA };

/** A schema-own key, or a built-in one a schema names itself ("required", "format.date"). */
export type SchemaKey = keyof typeof ENGLISH_SCHEMA | 'required' | 'negative' | 'moreThanZero' | 'atMost' | 'type.int' | 'format.date' | 'format.email' | 'format.uuid';
type Params = Record<string, number>;
type Translator = (key: string, params: Params | undefined) => string;

let translator: Translator = (key, params) => renderWith(ENGLISH, params ? { key, params } : { key });

/** The UI installs its own (i18next in the UI language); the core keeps English. */
export function setSchemaTranslator(t: Translator): void {
  translator = t;
}

export const schemaText = (key: SchemaKey, params?: Params): string => translator(key, params);

/** Where the key travels on an issue (read by fieldErrors in the core's dispatch). */
export interface KeyedIssue { params?: { messageKey?: string; messageParams?: Params } }

/**
 * zod's error option for a schema's own message: `.regex(re, says('schema.country'))`.
 * zod copies every property of the raw issue after asking for its message, so the
 * key written here reaches the final issue (test/unit/shared/schema-messages.test.ts).
 */
export function says(key: SchemaKey, params?: Params): { error: (iss: z.core.$ZodRawIssue) => string } {
  return {
    error: (iss) => {
      (iss as KeyedIssue).params = { ...(iss as KeyedIssue).params, messageKey: key, ...(params ? { messageParams: params } : {}) };
      return schemaText(key, params);
    },
  };
}

/** The fields of a custom issue (ctx.addIssue) with a schema-own message. */
export function customIssue(key: SchemaKey, params?: Params): { message: string; params: { messageKey: string; messageParams?: Params } } {
  return { message: schemaText(key, params), params: { messageKey: key, ...(params ? { messageParams: params } : {}) } };
}

/** The key and parameters an issue carries, if a schema gave it its own message. */
export function issueKey(issue: unknown): { key: string; params?: Params } | undefined {
  const p = (issue as KeyedIssue).params;
  if (!p?.messageKey) return undefined;
  return p.messageParams ? { key: p.messageKey, params: p.messageParams } : { key: p.messageKey };
}
