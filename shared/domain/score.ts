import { z } from 'zod';

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
});
export type SectionScore = z.infer<typeof SectionScore>;

export const Blocker = z.object({
  itemId: z.string(),
  sectionId: z.string(),
  reason: z.enum(['unanswered', 'missing_severity', 'missing_note', 'missing_evidence']),
  message: z.string(),
});
export type Blocker = z.infer<typeof Blocker>;

export const ScoreResult = z.object({
  percent: z.number().nullable(),
  band: z.object({ band: z.string(), color: z.string(), min: z.number() }),
  zeroTolerance: z.boolean(),
  counts: SeverityCounts,
  answered: z.number().int(),
  total: z.number().int(),
  sections: z.array(SectionScore),
  blockers: z.array(Blocker),
});
export type ScoreResult = z.infer<typeof ScoreResult>;
