import { z } from 'zod';
import { Severity } from '../template/schema';
import { Id, IsoDate, longText, requiredText, shortText } from './common';
import { customIssue } from '../schema-messages';

/** A finding exists for every non-compliance (answered, or computed by a check). */
export const Finding = z.object({
  id: Id,
  auditId: Id,
  itemId: z.string(),
  sectionId: z.string(),
  severity: Severity.nullable(),
  zeroTolerance: z.boolean(),
  /** 'answer' for a non-compliant answer; 'check' for a computed breach. */
  source: z.enum(['answer', 'check']),
  summary: z.string(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const ACTION_STATUSES = ['open', 'in_progress', 'closed'] as const;
export const ActionInput = z.strictObject({
  id: Id.optional(),
  findingId: Id,
  action: requiredText(2000),
  owner: requiredText(160),
  /** '' only for a collaborative action, which has a review date instead (checked when saved). */
  dueDate: IsoDate.or(z.literal('')),
  status: z.enum(ACTION_STATUSES).default('open'),
  verification: shortText(1000).default(''),
  // The rest of a SMETA-shaped CAPR line (see shared/domain/capr.ts).
  objectiveEvidence: shortText(2000).default(''),
  rootCause: shortText(2000).default(''),
  preventiveAction: shortText(2000).default(''),
  /** '' means the default for the finding's severity. */
  timescale: z.enum(['', 'immediate', '30_days', '60_days', '90_days']).default(''),
  verificationMethod: z.enum(['', 'document', 'follow_up_visit', 'desk_review']).default(''),
  siteComments: shortText(2000).default(''),
  siteAcceptance: z.enum(['pending', 'accepted', 'disputed']).default('pending'),
  /**
   * Collaborative action required (SMETA 7.0): the issue needs work beyond the
   * site alone (brand, industry, government), so there is no fixed closing
   * date, only a date to review progress (shared/domain/followup.ts).
   */
  collaborative: z.boolean().default(false),
  reviewDate: IsoDate.or(z.literal('')).default(''),
});
export type ActionInput = z.infer<typeof ActionInput>;
/** The form's check: a due date, or (collaborative action) a review date; the core checks the same when saving. */
export const ActionInputChecked = ActionInput.superRefine((a, ctx) => {
  if (a.collaborative && !a.reviewDate) ctx.addIssue({ code: 'custom', path: ['reviewDate'], ...customIssue('format.date') });
  if (!a.collaborative && !a.dueDate) ctx.addIssue({ code: 'custom', path: ['dueDate'], ...customIssue('format.date') });
});
export type ActionFormInput = z.input<typeof ActionInput>;

export const CorrectiveAction = ActionInput.extend({
  id: Id,
  auditId: Id,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CorrectiveAction = z.infer<typeof CorrectiveAction>;

export const NoteInput = z.strictObject({
  id: Id.optional(),
  auditId: Id,
  scope: z.enum(['audit', 'section', 'item']),
  ref: z.string().max(64).default(''),
  body: longText(50_000),
});
export type NoteInput = z.infer<typeof NoteInput>;
export const Note = NoteInput.extend({ id: Id, createdAt: z.string(), updatedAt: z.string() });
export type Note = z.infer<typeof Note>;
