// What HQ knows of the cycle after an audit: each corrective action's status
// after finalize (from the audit's action chain), and the link between a
// follow-up audit and the audit it follows.
import { z } from 'zod';
import { TrackStatus } from './followup';

export const HqClosure = z.object({
  status: TrackStatus,
  /** The day of the last change (the site's progress, or the verification). */
  date: z.string(),
  verifiedBy: z.string(),
  /** Evidence of closure recorded for the action (files the site sent, photos on site). */
  evidenceCount: z.number().int(),
  /** The follow-up audit that set this status, if one did. */
  followUpId: z.string().nullable(),
});
export type HqClosure = z.infer<typeof HqClosure>;

/** One corrective action of a finding as the tracker shows it: the plan's terms and where it stands now. */
export const HqFindingAction = z.object({
  actionId: z.string(),
  action: z.string(),
  owner: z.string(),
  /** '' for a collaborative action (no fixed closing date). */
  dueDate: z.string(),
  /** Now: the last status after finalize, else the finalized plan's. */
  status: TrackStatus,
  /** Null when nothing happened to it after finalize. */
  closure: HqClosure.nullable(),
  overdue: z.boolean(),
});
export type HqFindingAction = z.infer<typeof HqFindingAction>;

export const HqActionStep = z.object({
  status: TrackStatus,
  date: z.string(),
  note: z.string(),
  verifiedBy: z.string(),
  followUpId: z.string().nullable(),
  verification: z.enum(['', 'closed', 'partially_closed', 'not_closed']),
  at: z.string(),
});

export const HqLinkedAudit = z.object({
  auditId: z.string(),
  siteName: z.string().nullable(),
  startDate: z.string().nullable(),
  status: z.string().nullable(),
  mode: z.string(),
  /** HQ holds this audit (a follow-up may arrive before its original, or the other way round). */
  held: z.boolean(),
});
export type HqLinkedAudit = z.infer<typeof HqLinkedAudit>;

export const HqCycle = z.object({
  /** The audit this one follows up, when it is a follow-up. */
  followUpOf: HqLinkedAudit.nullable(),
  /** Follow-ups of this audit, oldest first. */
  followUps: z.array(HqLinkedAudit),
  /** Per corrective action with a life after finalize: where it stands, and every step. */
  actions: z.array(z.object({
    actionId: z.string(),
    closure: HqClosure,
    history: z.array(HqActionStep),
    /** Each piece of evidence; its file is served by hash (hq.photo for a picture, hq.closureFile as received). */
    evidence: z.array(z.object({
      name: z.string(), source: z.string(), receivedAt: z.string(), size: z.number().int(), sha256: z.string(), mediaType: z.string(), description: z.string(),
    })),
  })),
});
export type HqCycle = z.infer<typeof HqCycle>;
