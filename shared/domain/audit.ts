import { z } from 'zod';
import { Id, IsoDate, requiredText, shortText } from './common';
import { Site } from './site';
import { Response } from './response';
import { CorrectiveAction, Finding, Note } from './finding';

export const AUDIT_STATUSES = ['draft', 'in_progress', 'finalized'] as const;
export const AuditStatus = z.enum(AUDIT_STATUSES);
export type AuditStatus = z.infer<typeof AuditStatus>;
export const AUDIT_TYPES = ['announced', 'semi_announced', 'unannounced'] as const;

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
  .refine((a) => a.endDate >= a.startDate, { path: ['endDate'], message: 'must be on or after the start date' });
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
