import { z } from 'zod';
import { Id, requiredText, shortText } from './common';
import { LegalProfile, upgradeLegacySite } from './legal-profile';
import { COUNTRY_CODES, CURRENCY_CODES } from '../iso-codes';
import { customIssue, says } from '../schema-messages';

export const SiteFields = z.strictObject({
  name: requiredText(200),
  clients: z.array(requiredText(160)).max(50).default([]),
  address: shortText(500).default(''),
  country: z.string().trim().regex(/^[A-Z]{2}$/, says('schema.country')),
  headcount: z.number().int(says('type.int')).min(0).max(1_000_000).nullable().default(null),
  shifts: shortText(300).default(''),
  currency: z.string().trim().regex(/^[A-Z]{3}$/, says('schema.currency')).default('USD'),
  /** The law pay and hours are checked against (minimum wage, premiums, hours, rest days). */
  legal: LegalProfile.prefault({}),
  /** The site's IANA time zone ("Asia/Manila"); '' for a site recorded before zones (its times in UTC). */
  timeZone: z.string().trim().max(64).optional(),
});

/** Whether Intl knows `zone` as a time zone (an IANA name such as "Africa/Casablanca", or "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Written sites take their codes from the lists; reading (old bundles) keeps what was recorded.
export const SiteInput = SiteFields.superRefine((s, ctx) => {
  if (!COUNTRY_CODES.includes(s.country)) ctx.addIssue({ code: 'custom', path: ['country'], ...customIssue('schema.country') });
  if (!CURRENCY_CODES.includes(s.currency)) ctx.addIssue({ code: 'custom', path: ['currency'], ...customIssue('schema.currency') });
  if (s.timeZone && !isTimeZone(s.timeZone)) ctx.addIssue({ code: 'custom', path: ['timeZone'], ...customIssue('schema.timeZone') });
});
export type SiteInput = z.infer<typeof SiteInput>;
export type SiteFormInput = z.input<typeof SiteInput>;

export const SiteRecord = SiteFields.extend({ id: Id, createdAt: z.string(), updatedAt: z.string() });
// A site recorded before legal profiles (minWage, minWagePeriod and
// overtimeRate at the top level, as bundles made by earlier versions carry
// it) is read into the profile.
export const Site = z.preprocess(upgradeLegacySite, SiteRecord);
export type Site = z.infer<typeof SiteRecord>;
