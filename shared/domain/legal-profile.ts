// A site's legal profile: the figures of the law where the site is, against
// which pay and hours are checked. Bundled country profiles prefill it
// (assets/legal-profiles/); the auditor can change every value. A figure the
// law does not set, or that could not be confirmed, is null: the checks that
// need it say so instead of assuming one.
import { z } from 'zod';
import { shortText } from './common';
import { says } from '../schema-messages';

export const WAGE_PERIODS = ['hour', 'day', 'week', 'month'] as const;
export const WagePeriod = z.enum(WAGE_PERIODS);
export type WagePeriod = z.infer<typeof WagePeriod>;

const rate = (what: 'overtime' | 'night' | 'restDay' | 'holiday') => z.number().min(1, says(`schema.rateMin.${what}`)).max(5, says('schema.rateMax'));
const hours = (max: number) => z.number().positive(says('moreThanZero')).max(max, says('schema.hoursMax', { max })).nullable().default(null);

export const LegalSource = z.strictObject({
  title: shortText(500).min(1, says('required')),
  url: z.string().trim().max(500).regex(/^(https?:\/\/\S+)?$/, says('schema.httpsAddress')).default(''),
});
export type LegalSource = z.infer<typeof LegalSource>;

export const LegalProfile = z.strictObject({
  /** The bundled profile it was prefilled from ('' when entered by hand). */
  basis: shortText(40).default(''),
  /** Legal minimum wage per `wagePeriod`, in the site's currency. */
  wagePeriod: WagePeriod.default('month'),
  minWage: z.number().positive(says('moreThanZero')).max(1e9).nullable().default(null),
  /** Multipliers of the regular rate: 1.25 means paid at 125 %. */
  overtimeRate: rate('overtime').default(1.25),
  nightRate: rate('night').nullable().default(null),
  /** When night work is paid the night rate, as the law words it (e.g. 22:00–06:00). */
  nightWindow: shortText(40).default(''),
  restDayRate: rate('restDay').nullable().default(null),
  holidayRate: rate('holiday').nullable().default(null),
  regularHoursPerDay: hours(24),
  regularHoursPerWeek: hours(168),
  maxHoursPerDay: hours(24),
  maxHoursPerWeek: hours(168),
  restDaysPerWeek: z.number().int(says('schema.wholeDays')).min(0).max(7).nullable().default(null),
  /** The law allows two days off in every 14 in place of one in every 7 (ETI 6.6). */
  twoDaysOffIn14: z.boolean().default(false),
  sources: z.array(LegalSource).max(20).default([]),
  notes: z.string().max(4000).default(''),
});
export type LegalProfile = z.infer<typeof LegalProfile>;
export type LegalProfileInput = z.input<typeof LegalProfile>;

export const EMPTY_LEGAL_PROFILE: LegalProfile = LegalProfile.parse({});

/**
 * Sites made before legal profiles (and the bundles that carry them) have
 * the wage figures at the top level; they become the profile's.
 */
export function upgradeLegacySite(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const o = raw as Record<string, unknown>;
  if (!('minWage' in o || 'minWagePeriod' in o || 'overtimeRate' in o)) return raw;
  const { minWage, minWagePeriod, overtimeRate, ...rest } = o;
  if ('legal' in rest) return raw; // both shapes at once: let the schema say what is wrong
  const legal: Record<string, unknown> = {};
  if (minWage !== undefined) legal.minWage = minWage;
  if (minWagePeriod !== undefined) legal.wagePeriod = minWagePeriod;
  if (overtimeRate !== undefined) legal.overtimeRate = overtimeRate;
  return { ...rest, legal };
}

/** A bundled country profile (assets/legal-profiles/<country>.json). */
export const CountryLegalProfile = z.strictObject({
  schema: z.literal('fairsite.legal-profile/1'),
  country: z.string().regex(/^[A-Z]{2}$/),
  name: shortText(300).min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** When the figures were last checked against their sources. */
  researched: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  profile: LegalProfile,
});
export type CountryLegalProfile = z.infer<typeof CountryLegalProfile>;
