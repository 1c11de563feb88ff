// The site and workforce profile of one audit (what a SMETA or amfori BSCI
// report opens with), the audit's declaration (limitations, disclaimer,
// distribution), and the auditor's credentials. Counts are people on the
// audit days; each part of the workforce is checked against the headcount.
import { z } from 'zod';
import { Id, IsoDate, shortText } from './common';
import { customIssue, says, type SchemaKey } from '../schema-messages';

/** A count of workers, or null when not recorded. */
export const WorkerCount = z.number(says('schema.workerCount')).int(says('schema.workerCount')).min(0, says('schema.workerCount')).max(1_000_000, says('atMost', { max: 1_000_000 })).nullable();

export const CONTRACT_KINDS = ['permanent', 'fixedTerm', 'agency', 'trainee'] as const;
export const GENDERS = ['female', 'male', 'otherGender'] as const;
export const GROUPS = ['migrant', 'nightShift', 'young'] as const;

export const Workforce = z.strictObject({
  headcount: WorkerCount.default(null),
  female: WorkerCount.default(null),
  male: WorkerCount.default(null),
  otherGender: WorkerCount.default(null),
  permanent: WorkerCount.default(null),
  fixedTerm: WorkerCount.default(null),
  agency: WorkerCount.default(null),
  trainee: WorkerCount.default(null),
  migrant: WorkerCount.default(null),
  nightShift: WorkerCount.default(null),
  young: WorkerCount.default(null),
});
export type Workforce = z.infer<typeof Workforce>;

export const WORKFORCE_LABELS: Record<keyof Workforce, string> = {
  headcount: 'Workers on site (headcount)',
  female: 'Women', male: 'Men', otherGender: 'Other or not stated',
  permanent: 'Permanent contract', fixedTerm: 'Fixed-term contract', agency: 'Agency workers', trainee: 'Trainees and apprentices',
  migrant: 'Migrant workers', nightShift: 'Night-shift workers', young: 'Young workers (under 18)',
};

/** The parts of the workforce must not add up to more people than the headcount. */
export function workforceIssues(w: Workforce): Array<{ path: keyof Workforce; key: SchemaKey; params?: Record<string, number> }> {
  const out: Array<{ path: keyof Workforce; key: SchemaKey; params?: Record<string, number> }> = [];
  // A count that is not a whole number ≥ 0 has its own message already; sums of it would only add noise.
  if (Object.values(w).some((v) => v !== null && v !== undefined && !(Number.isInteger(v) && v >= 0))) return out;
  const total = w.headcount;
  if (total === null) {
    const any = [...GENDERS, ...CONTRACT_KINDS, ...GROUPS].some((k) => w[k] !== null);
    if (any) out.push({ path: 'headcount', key: 'schema.headcountFirst' });
    return out;
  }
  const sum = (keys: readonly (keyof Workforce)[]) => keys.reduce((s, k) => s + (w[k] ?? 0), 0);
  if (sum(GENDERS) > total) out.push({ path: 'female', key: 'schema.gendersAbove', params: { sum: sum(GENDERS), total } });
  if (sum(CONTRACT_KINDS) > total) out.push({ path: 'permanent', key: 'schema.contractsAbove', params: { sum: sum(CONTRACT_KINDS), total } });
  for (const k of GROUPS) {
    const v = w[k];
    if (v !== null && v > total) out.push({ path: k, key: 'schema.groupAbove', params: { value: v, total } });
  }
  return out;
}

export const SiteProfile = z.strictObject({
  legalEntity: shortText(200).default(''),
  address: shortText(500).default(''),
  floors: shortText(200).default(''),
  building: shortText(500).default(''),
  /** Whether other companies share the building; null when not recorded. */
  sharedBuilding: z.boolean().nullable().default(null),
  fireCertificate: shortText(300).default(''),
  fireCertificateExpiry: z.union([IsoDate, z.literal('')]).default(''),
  services: shortText(1000).default(''),
  clients: shortText(1000).default(''),
  workforce: Workforce.default(Workforce.parse({})),
});
export type SiteProfile = z.infer<typeof SiteProfile>;

export const AuditDeclaration = z.strictObject({
  limitations: shortText(4000).default(''),
  disclaimer: shortText(4000).default(''),
  /** Who receives the report, one recipient per entry. */
  distribution: z.array(shortText(200).min(1, says('required'))).max(50).default([]),
});
export type AuditDeclaration = z.infer<typeof AuditDeclaration>;

const withWorkforceCheck = <T extends z.ZodType<{ site: SiteProfile }>>(schema: T) =>
  schema.superRefine((v, ctx) => {
    for (const issue of workforceIssues(v.site.workforce)) ctx.addIssue({ code: 'custom', path: ['site', 'workforce', issue.path], ...customIssue(issue.key, issue.params) });
  });

export const AuditProfileInput = withWorkforceCheck(z.strictObject({
  auditId: Id,
  site: SiteProfile,
  declaration: AuditDeclaration.default(AuditDeclaration.parse({})),
}));
export type AuditProfileInput = z.infer<typeof AuditProfileInput>;
export type AuditProfileFormInput = z.input<typeof AuditProfileInput>;

export const AuditProfile = z.object({
  auditId: Id,
  site: SiteProfile,
  declaration: AuditDeclaration,
  updatedAt: z.string().nullable(),
});
export type AuditProfile = z.infer<typeof AuditProfile>;

export const CREDENTIAL_SCHEMES = ['apsca', 'other', 'none'] as const;
export const CredentialsInput = z.strictObject({
  scheme: z.enum(CREDENTIAL_SCHEMES),
  /** APSCA membership number (e.g. 21701234) or the number in the other scheme. */
  number: shortText(60).default(''),
  otherScheme: shortText(120).default(''),
  independence: shortText(2000).default(''),
}).superRefine((c, ctx) => {
  if (c.scheme !== 'none' && !c.number) ctx.addIssue({ code: 'custom', path: ['number'], ...customIssue('schema.certNumber') });
  if (c.scheme === 'other' && !c.otherScheme) ctx.addIssue({ code: 'custom', path: ['otherScheme'], ...customIssue('schema.certScheme') });
});
export type CredentialsInput = z.infer<typeof CredentialsInput>;
export const Credentials = z.object({
  scheme: z.enum(CREDENTIAL_SCHEMES), number: z.string(), otherScheme: z.string(), independence: z.string(), updatedAt: z.string(),
});
export type Credentials = z.infer<typeof Credentials>;

export const DEFAULT_INDEPENDENCE = 'The auditor declares no financial, family or employment relationship with the site, its owners or its clients, and received no payment or gift from the site.';
