// Grading by a template's rating scheme: areas (sections) graded from their
// compliance rate, the overall grade derived from the area grades, then
// capped by key items, the worst finding and zero tolerance. Every figure
// comes from the scheme, so another scheme is a template change. Pure.
import type { Severity, RatingScheme } from './template/schema';
import { SEVERITIES } from './template/schema';
import { msg, type Message } from './messages';
import { checkEnglish } from './sample-verdict';

export interface Grade {
  band: string;
  min: number;
  color: string;
}

/** 0 is the best grade; a larger rank is worse. */
export const gradeRank = (scheme: RatingScheme, grade: string): number => {
  const i = scheme.grades.findIndex((g) => g.grade === grade);
  // Validation ties every named grade to the list; an unknown one counts as the worst.
  return i < 0 ? scheme.grades.length - 1 : i;
};

const toGrade = (scheme: RatingScheme, rank: number): Grade => {
  const g = scheme.grades[Math.min(rank, scheme.grades.length - 1)]!;
  return { band: g.grade, min: g.min, color: g.color };
};

/** The first grade (best first) whose minimum the compliance rate reaches; below all, the worst. */
export function gradeForPercent(scheme: RatingScheme, percent: number): Grade {
  const i = scheme.grades.findIndex((g) => percent >= g.min);
  return toGrade(scheme, i < 0 ? scheme.grades.length - 1 : i);
}

export interface Cap {
  grade: string;
  /** In English; `text` is the same for the reader's language. */
  reason: string;
  text?: Message;
}

/** A cap from its message, with its English reason. */
export const capOf = (grade: string, text: Message): Cap => ({ grade, reason: checkEnglish(text), text });

/** The grade after caps: each cap allows at best its grade. */
export function applyCaps(scheme: RatingScheme, grade: Grade, caps: readonly Cap[]): Grade {
  let rank = gradeRank(scheme, grade.band);
  for (const c of caps) rank = Math.max(rank, gradeRank(scheme, c.grade));
  return toGrade(scheme, rank);
}

/** The overall grade from the area grades: the first rule whose limits all hold, else the worst grade. */
export function overallFromAreas(scheme: RatingScheme, areas: readonly string[]): Grade {
  const ranks = areas.map((a) => gradeRank(scheme, a));
  for (const rule of scheme.overall) {
    const holds = rule.limits.every((l) => ranks.filter((r) => r >= gradeRank(scheme, l.grade)).length <= l.count);
    if (holds) return toGrade(scheme, gradeRank(scheme, rule.grade));
  }
  return toGrade(scheme, scheme.grades.length - 1);
}

/** Caps from the findings' severities (each present severity with a cap in the scheme). */
export function severityCaps(scheme: RatingScheme, present: ReadonlySet<Severity>): Cap[] {
  const out: Cap[] = [];
  for (const s of SEVERITIES) {
    const g = scheme.severityCaps[s];
    if (g && present.has(s)) out.push(capOf(g, msg(`rating.capSeverity.${s}`, { grade: g })));
  }
  return out;
}
