// Hand-overs of audits at headquarters (an audit moved to another enrolled
// auditor's key, with its reason), as the screens list them. The operation
// is hq.handovers in shared/contract/hq-read-ops.ts; the records are written
// by electron/core/hq/owners.ts handOver.
import { z } from 'zod';

/** One side of a hand-over: the key, and the auditor enrolled with it (null if HQ no longer knows it). */
export const HqHandoverParty = z.object({
  fingerprint: z.string(),
  name: z.string().nullable(),
  auditorId: z.string().nullable(),
});

export const HqHandover = z.object({
  /** The audit that was handed over (its later revisions moved with it). */
  auditId: z.string(),
  siteName: z.string().nullable(),
  from: HqHandoverParty,
  to: HqHandoverParty,
  at: z.string(),
  reason: z.string(),
});
export type HqHandover = z.infer<typeof HqHandover>;
