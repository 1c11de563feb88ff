import { z } from 'zod';
import { Id, requiredText, shortText } from './common';

export const SiteInput = z.strictObject({
  name: requiredText(200),
  clients: z.array(requiredText(160)).max(50).default([]),
  address: shortText(500).default(''),
  country: z.string().trim().regex(/^[A-Z]{2}$/, 'use a two-letter country code such as PH'),
  headcount: z.number().int('whole number').min(0).max(1_000_000).nullable().default(null),
  shifts: shortText(300).default(''),
  /** Legal minimum wage per `minWagePeriod`, in `currency`. */
  minWage: z.number().positive('must be above 0').max(1e9).nullable().default(null),
  minWagePeriod: z.enum(['hour', 'month']).default('month'),
  /** Legal overtime premium as a multiplier: 1.25 means paid at 125 %. */
  overtimeRate: z.number().min(1, 'at least 1 (paid at 100 %)').max(5).default(1.25),
  currency: z.string().trim().regex(/^[A-Z]{3}$/, 'use a currency code such as PHP').default('USD'),
});
export type SiteInput = z.infer<typeof SiteInput>;
export type SiteFormInput = z.input<typeof SiteInput>;

export const Site = SiteInput.extend({ id: Id, createdAt: z.string(), updatedAt: z.string() });
export type Site = z.infer<typeof Site>;
