// "How this audit was rated": one short paragraph generated from the
// template's rating scheme, so the summary screen and the report say exactly
// what the scoring code did. Pure.
import type { Band } from './scoring';
import type { RatingScheme } from './template/schema';

// A no-break space keeps a figure and its unit on one line in print.
const pct = (n: number) => `${n}\u00a0%`;

function gradeList(items: Array<{ name: string; min: number }>): string {
  const last = items[items.length - 1];
  const above = items.slice(0, -1).map((g) => `${g.name} from ${pct(g.min)}`);
  return [...above, last ? `${last.name} below ${pct(items[items.length - 2]?.min ?? 0)}` : ''].filter(Boolean).join(', ');
}

function orWorse(scheme: RatingScheme, grade: string): string {
  const worst = scheme.grades[scheme.grades.length - 1]?.grade;
  return grade === worst ? grade : `${grade} or worse`;
}

function ruleText(scheme: RatingScheme, rule: RatingScheme['overall'][number]): string {
  if (!rule.limits.length) return `${rule.grade} otherwise`;
  const parts = rule.limits.map((l) =>
    l.count === 0 ? `no area is ${orWorse(scheme, l.grade)}` : `at most ${l.count} area${l.count === 1 ? ' is' : 's are'} ${orWorse(scheme, l.grade)}`);
  return `${rule.grade} when ${parts.join(' and ')}`;
}

export function schemeExplanation(scheme: RatingScheme): string {
  const worst = scheme.grades[scheme.grades.length - 1]!.grade;
  const out: string[] = [`Rated by the ${scheme.name} scheme.`];
  out.push(`Each area (checklist section) is graded from its compliance rate, compliant answers ÷ (compliant + non-compliant) with “not applicable” left out: ${gradeList(scheme.grades.map((g) => ({ name: g.grade, min: g.min })))}.`);
  if (scheme.samples === 'worker') out.push('In a wage or hours sample each sampled worker counts as one answer, so a breach for many workers weighs more than a breach for one.');
  if (scheme.keyItemCap) out.push(`A key item not met caps its area at ${orWorse(scheme, scheme.keyItemCap)}.`);
  const rules = scheme.overall.map((r) => ruleText(scheme, r));
  const fallback = scheme.overall.some((r) => !r.limits.length) ? '' : `; otherwise ${worst}`;
  out.push(`The overall grade comes from the area grades: ${rules.join('; ')}${fallback}.`);
  const caps = (['critical', 'major', 'minor'] as const).flatMap((k) => (scheme.severityCaps[k] ? [`any ${k} finding at ${orWorse(scheme, scheme.severityCaps[k]!)}`] : []));
  if (caps.length) out.push(`The worst finding caps the overall grade: ${caps.join(', ')}.`);
  const zt = scheme.zeroTolerance.cap ? ` and caps the grade at ${orWorse(scheme, scheme.zeroTolerance.cap)}` : '';
  // The notice itself travels with each alert; here only that the duty exists.
  out.push(`A zero-tolerance finding raises its own alert, with a duty to notify at once${zt}.`);
  return out.join(' ');
}

/** For templates without a scheme: the percentage rating they were always rated by. */
export function bandsExplanation(bands: readonly Band[]): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return [
    'Rated by the weighted mean of the section scores (compliant answers ÷ (compliant + non-compliant), “not applicable” left out),',
    `read against the bands ${gradeList(sorted.map((b) => ({ name: b.band, min: b.min })))}.`,
    `A zero-tolerance flag gives the lowest band (${sorted[sorted.length - 1]?.band ?? '–'}). This template has no rating scheme, so severity does not change the grade.`,
  ].join(' ');
}

/** The scheme's explanation, or the percentage bands' for a template without one. */
export function ratingExplanation(scheme: RatingScheme | undefined, bands: readonly Band[]): string {
  return scheme ? schemeExplanation(scheme) : bandsExplanation(bands);
}
