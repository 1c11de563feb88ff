import { z } from 'zod';
import { Id, IsoDate, requiredText, shortText } from './common';
import { Site } from './site';
import { Response } from './response';
import { CorrectiveAction, Finding, Note } from './finding';
import { says } from '../schema-messages';

export const AUDIT_STATUSES = ['draft', 'in_progress', 'finalized'] as const;
export const AuditStatus = z.enum(AUDIT_STATUSES);
export type AuditStatus = z.infer<typeof AuditStatus>;
export const AUDIT_TYPES = ['announced', 'semi_announced', 'unannounced'] as const;
/** A full audit, or a follow-up that verifies the open findings of a finalized one. */
export const AUDIT_KINDS = ['full', 'follow_up'] as const;
export const FOLLOW_UP_MODES = ['on_site', 'desk_review'] as const;

export const AuditInput = z
  .strictObject({
    siteId: Id,
    templateId: Id,
    type: z.enum(AUDIT_TYPES),
    startDate: IsoDate,
    endDate: IsoDate,
    team: z.array(requiredText(120)).max(20).default([]),
    scope: shortText(2000).default(''),
  })
  .refine((a) => a.endDate >= a.startDate, { path: ['endDate'], ...says('schema.endAfterStart') });
export type AuditInput = z.infer<typeof AuditInput>;
export type AuditFormInput = z.input<typeof AuditInput>;

export const Audit = z.object({
  id: Id,
  siteId: Id,
  templateId: Id,
  /** Revision 1 is the first; reopening a finalized audit makes revision n+1. */
  revision: z.number().int().min(1),
  /** The audit this revision was reopened from, if any. */
  previousId: Id.nullable(),
  status: AuditStatus,
  type: z.enum(AUDIT_TYPES),
  startDate: IsoDate,
  endDate: IsoDate,
  team: z.array(z.string()),
  scope: z.string(),
  leadAuditor: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finalizedAt: z.string().nullable(),
  /** SHA-256 of the audit's canonical content, set when finalized. */
  contentHash: z.string().nullable(),
  /** Absent in documents made before follow-ups: a full audit. */
  kind: z.enum(AUDIT_KINDS).default('full'),
  /** For a follow-up: the finalized audit it verifies. */
  followUpOf: Id.nullable().default(null),
  /** For a follow-up: a visit, or a desk review of what the site sent; '' for a full audit. */
  followUpMode: z.enum(['', ...FOLLOW_UP_MODES]).default(''),
});
export type Audit = z.infer<typeof Audit>;

export const AuditSummary = Audit.extend({
  siteName: z.string(),
  clients: z.array(z.string()),
  country: z.string(),
  templateName: z.string(),
  answered: z.number().int(),
  total: z.number().int(),
  findings: z.number().int(),
  /** True once a bundle with this revision was sent to headquarters. */
  sent: z.boolean(),
});
export type AuditSummary = z.infer<typeof AuditSummary>;

export const AuditDetail = z.object({
  audit: Audit,
  site: Site,
  responses: z.array(Response),
  findings: z.array(Finding),
  actions: z.array(CorrectiveAction),
  notes: z.array(Note),
});
export type AuditDetail = z.infer<typeof AuditDetail>;

export const AuditQuery = z.strictObject({
  text: z.string().max(200).optional(),
  siteId: Id.optional(),
  client: z.string().max(160).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
