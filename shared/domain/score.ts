import { z } from 'zod';
import { MessageSchema } from './message';

/** What capped a grade: English `reason`, and `text` for the reader's language. */
const Cap = z.object({ grade: z.string(), reason: z.string(), text: MessageSchema.optional() });

export const SeverityCounts = z.object({ critical: z.number().int(), major: z.number().int(), minor: z.number().int() });
export type SeverityCounts = z.infer<typeof SeverityCounts>;

export const SectionScore = z.object({
  sectionId: z.string(),
  title: z.string(),
  /** compliant ÷ (compliant + non-compliant) × 100; null when nothing scorable was answered. */
  percent: z.number().nullable(),
  /** The section's own band; null while nothing in it is scorable. */
  band: z.object({ band: z.string(), color: z.string(), min: z.number() }).nullable().optional(),
  answered: z.number().int(),
  total: z.number().int(),
  compliant: z.number().int(),
  nonCompliant: z.number().int(),
  findings: z.number().int(),
  counts: SeverityCounts,
  /** What capped the area's grade (key items not met), under a rating scheme. */
  caps: z.array(Cap).optional(),
});
export type SectionScore = z.infer<typeof SectionScore>;

export const Blocker = z.object({
  itemId: z.string(),
  sectionId: z.string(),
  reason: z.enum(['unanswered', 'missing_severity', 'missing_note', 'missing_evidence']),
  /** In English (the command line); `text` says the same in the reader's language. */
  message: z.string(),
  text: MessageSchema.optional(),
});
export type Blocker = z.infer<typeof Blocker>;

/** A zero-tolerance finding: its own alert, beside the grade. */
export const ZeroToleranceAlert = z.object({
  itemId: z.string(),
  sectionId: z.string(),
  sectionTitle: z.string(),
  prompt: z.string(),
  /** What was found (the finding's summary). */
  summary: z.string(),
  /** 'template': the item is zero tolerance; 'auditor': the auditor flagged this finding. */
  flaggedBy: z.enum(['template', 'auditor']),
  /** The notification duty, from the rating scheme. */
  notice: z.string(),
});
export type ZeroToleranceAlert = z.infer<typeof ZeroToleranceAlert>;

export const ScoreResult = z.object({
  percent: z.number().nullable(),
  band: z.object({ band: z.string(), color: z.string(), min: z.number() }),
  zeroTolerance: z.boolean(),
  counts: SeverityCounts,
  answered: z.number().int(),
  total: z.number().int(),
  sections: z.array(SectionScore),
  blockers: z.array(Blocker),
  /** Under a rating scheme: the grade the areas give before the finding caps. */
  areaGrade: z.string().optional(),
  /** Under a rating scheme: what capped the overall grade. */
  caps: z.array(Cap).optional(),
  zeroToleranceAlerts: z.array(ZeroToleranceAlert).optional(),
  /** "How this audit was rated", generated from the template's scheme. */
  explanation: z.string().optional(),
  /** The same, one message a sentence, for the reader's language. */
  explanationMessages: z.array(MessageSchema).optional(),
});
export type ScoreResult = z.infer<typeof ScoreResult>;
