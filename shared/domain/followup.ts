// Corrective actions after an audit is finalized, and follow-up audits.
// The finalized audit never changes: each action's life after it (status,
// dates, who verified, closure evidence) is a chain of events of its own,
// linked to the audit by its id. A follow-up audit verifies every finding
// still open and may raise new ones.
import { z } from 'zod';
import { Id, IsoDate, shortText } from './common';
import { says } from '../schema-messages';

/**
 * Where an action stands after the audit. `submitted` is the site saying the
 * work is done and sending its evidence; only the auditor closes it (or
 * finds it not closed) after looking.
 */
export const TRACK_STATUSES = ['open', 'in_progress', 'submitted', 'closed', 'not_closed'] as const;
export const TrackStatus = z.enum(TRACK_STATUSES);
export type TrackStatus = z.infer<typeof TrackStatus>;

/** The steps an action may take; `closed` is final (a new finding reopens the matter in a later audit). */
export const NEXT_STATUSES: Record<TrackStatus, readonly TrackStatus[]> = {
  open: ['in_progress', 'submitted'],
  in_progress: ['submitted'],
  submitted: ['closed', 'not_closed', 'in_progress'],
  not_closed: ['in_progress', 'submitted'],
  closed: [],
};

/** Statuses the auditor decides, so they name who verified. */
export const VERIFIED_STATUSES: ReadonlySet<TrackStatus> = new Set(['closed', 'not_closed']);

export const ActionUpdateInput = z.strictObject({
  actionId: Id,
  status: TrackStatus,
  /** The day the change happened (the site's report of progress, or the auditor's verification). */
  date: IsoDate,
  note: shortText(2000).default(''),
  /** Who verified: required when closing or finding it not closed. */
  verifiedBy: shortText(160).default(''),
});
export type ActionUpdateInput = z.infer<typeof ActionUpdateInput>;

/** Photos taken on site, or files the site sent (email, a USB stick) for a desk review. */
export const EVIDENCE_SOURCES = ['site_sent', 'on_site'] as const;
export const EvidenceSource = z.enum(EVIDENCE_SOURCES);
export type EvidenceSource = z.infer<typeof EvidenceSource>;

/** Bytes of one closure-evidence file: what one call carries within the transport's 8 MiB body cap. */
export const CLOSURE_FILE_MAX_BYTES = 5 * 1024 * 1024;
const base64Max = Math.ceil(CLOSURE_FILE_MAX_BYTES / 3) * 4;

export const ClosureEvidenceInput = z.strictObject({
  actionId: Id,
  name: z.string().trim().min(1, says('required')).max(200),
  mediaType: z.string().max(100).regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i, says('schema.mediaType')).default('application/octet-stream'),
  data: z.string().max(base64Max, says('schema.fileTooLarge', { size: 5 })).regex(/^[A-Za-z0-9+/]*={0,2}$/, says('schema.base64')),
  source: EvidenceSource,
  /** When the site's file arrived (or the photo was taken). */
  receivedAt: IsoDate,
  description: shortText(1000).default(''),
});
export type ClosureEvidenceInput = z.infer<typeof ClosureEvidenceInput>;

export const ClosureEvidence = z.object({
  id: Id,
  actionId: Id,
  sha256: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  source: EvidenceSource,
  receivedAt: IsoDate,
  description: z.string(),
  addedAt: z.string(),
});
export type ClosureEvidence = z.infer<typeof ClosureEvidence>;

export const ActionTrack = z.object({
  actionId: Id,
  auditId: Id,
  findingId: Id,
  status: TrackStatus,
  /** The date the current status was reached. */
  statusDate: IsoDate,
  note: z.string(),
  verifiedBy: z.string(),
  updatedAt: z.string(),
  evidence: z.array(ClosureEvidence),
  /** Every step, oldest first. */
  history: z.array(z.object({ status: TrackStatus, date: IsoDate, note: z.string(), verifiedBy: z.string(), at: z.string(), actor: z.string() })),
});
export type ActionTrack = z.infer<typeof ActionTrack>;

export const ChainCheck = z.object({ ok: z.boolean(), events: z.number().int(), brokenAt: z.number().int().nullable(), reason: z.string().nullable() });

// ---- Follow-up audits ----

export const FollowUpMode = z.enum(['on_site', 'desk_review']);
export type FollowUpMode = z.infer<typeof FollowUpMode>;

export const FollowUpStartInput = z.strictObject({
  /** The finalized audit to follow up. */
  auditId: Id,
  mode: FollowUpMode,
  startDate: IsoDate,
  endDate: IsoDate,
  team: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
  scope: shortText(2000).default(''),
}).refine((a) => a.endDate >= a.startDate, { path: ['endDate'], ...says('schema.endAfterStart') });
export type FollowUpStartInput = z.infer<typeof FollowUpStartInput>;

export const Verification = z.enum(['closed', 'partially_closed', 'not_closed']);

export const FollowUpVerifyInput = z.strictObject({
  /** The follow-up audit. */
  auditId: Id,
  /** The original audit's finding being verified. */
  findingId: Id,
  verification: Verification.or(z.literal('')),
  note: shortText(4000).default(''),
  /** What was seen or received (photo references, documents, people spoken to). */
  evidence: shortText(4000).default(''),
});
export type FollowUpVerifyInput = z.infer<typeof FollowUpVerifyInput>;

const GradeCap = z.object({ grade: z.string(), reason: z.string() });
export const FollowUpGradeView = z.object({
  rule: z.literal('amfori_follow_up'),
  before: z.string().nullable(),
  after: z.string().nullable(),
  areaGrade: z.string().nullable(),
  areas: z.array(z.object({
    sectionId: z.string(), title: z.string(), reaudited: z.boolean(), before: z.string().nullable(), after: z.string().nullable(),
    percentBefore: z.number().nullable(), percentAfter: z.number().nullable(), caps: z.array(GradeCap),
  })),
  caps: z.array(GradeCap),
  remaining: z.object({ critical: z.number(), major: z.number(), minor: z.number() }),
  zeroTolerance: z.boolean(),
});

export const FollowUpItem = z.object({
  findingId: Id,
  itemId: z.string(),
  sectionId: z.string(),
  sectionTitle: z.string(),
  prompt: z.string(),
  severity: z.enum(['critical', 'major', 'minor']).nullable(),
  zeroTolerance: z.boolean(),
  summary: z.string(),
  note: z.string(),
  actions: z.array(z.object({
    id: Id, action: z.string(), owner: z.string(), dueDate: z.string(), collaborative: z.boolean(), reviewDate: z.string(),
    status: TrackStatus, statusDate: z.string(), evidence: z.array(ClosureEvidence),
  })),
  verification: Verification.or(z.literal('')),
  verificationNote: z.string(),
  evidence: z.string(),
});
export type FollowUpItem = z.infer<typeof FollowUpItem>;

export const FollowUpView = z.object({
  auditId: Id,
  mode: FollowUpMode,
  status: z.enum(['draft', 'in_progress', 'finalized']),
  original: z.object({ id: Id, revision: z.number().int(), startDate: z.string(), endDate: z.string(), contentHash: z.string().nullable(), grade: z.string().nullable() }),
  items: z.array(FollowUpItem),
  /** Findings raised in the follow-up itself. */
  newFindings: z.array(z.object({ id: Id, itemId: z.string(), sectionId: z.string(), prompt: z.string(), severity: z.enum(['critical', 'major', 'minor']).nullable(), zeroTolerance: z.boolean(), summary: z.string(), note: z.string() })),
  /** Null when the template has no rating scheme. */
  grade: FollowUpGradeView.nullable(),
  /** Carried findings not yet verified. */
  unverified: z.number().int(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

// ---- The last audit in view ----

export const LastAuditItem = z.object({
  itemId: z.string(),
  sectionTitle: z.string(),
  prompt: z.string(),
  /** The outcome last time: compliant, non_compliant, not_applicable, observation, good_practice, or unscored for text and untyped answers. */
  answer: z.string(),
  severity: z.enum(['critical', 'major', 'minor']).nullable(),
  zeroTolerance: z.boolean(),
  note: z.string(),
  actions: z.array(z.object({ action: z.string(), status: TrackStatus })),
});
export type LastAuditItem = z.infer<typeof LastAuditItem>;

export const LastAudit = z.object({
  id: Id,
  revision: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  grade: z.string().nullable(),
  /** Items with a finding or an observation last time, findings first. */
  items: z.array(LastAuditItem),
  /** Items answered compliant (or not applicable) last time, not listed. */
  others: z.number().int(),
  /** Those items and their answer, for the walkthrough's per-item view of last time. */
  quiet: z.array(z.object({ itemId: z.string(), answer: z.string() })).default([]),
});
export type LastAudit = z.infer<typeof LastAudit>;
