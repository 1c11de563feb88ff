// "How this audit was rated": one short paragraph generated from the
// template's rating scheme, so the summary screen and the report say exactly
// what the scoring code did. Pure. Built as messages (shared/locales/*/
// checks.ts, keys rating.*) so the UI and a report say it in their language;
// the English is kept on the score for the command line and old readers.
import type { Band } from './scoring';
import type { RatingScheme } from './template/schema';
import { msg, type Message, type MessageParam } from './messages';
import { checkEnglish } from './sample-verdict';

/** Joins parts two at a time with a connective message ("{{a}}; {{b}}", "{{a}} and {{b}}"). */
const chain = (key: string, parts: MessageParam[]): MessageParam =>
  parts.reduce((acc, p) => msg(key, { a: acc, b: p }));

function gradeList(items: Array<{ name: string; min: number }>): MessageParam {
  const last = items[items.length - 1];
  const above: MessageParam[] = items.slice(0, -1).map((g) => msg('rating.gradeFrom', { name: g.name, min: g.min }));
  const all = last ? [...above, msg('rating.gradeBelow', { name: last.name, min: items[items.length - 2]?.min ?? 0 })] : above;
  return all.length ? chain('rating.comma', all) : '';
}

function orWorse(scheme: RatingScheme, grade: string): MessageParam {
  const worst = scheme.grades[scheme.grades.length - 1]?.grade;
  return grade === worst ? grade : msg('rating.orWorse', { grade });
}

function ruleText(scheme: RatingScheme, rule: RatingScheme['overall'][number]): Message {
  if (!rule.limits.length) return msg('rating.otherwise', { grade: rule.grade });
  const parts = rule.limits.map((l) =>
    l.count === 0 ? msg('rating.noArea', { grade: orWorse(scheme, l.grade) }) : msg('rating.atMostAreas', { count: l.count, grade: orWorse(scheme, l.grade) }));
  return msg('rating.rule', { grade: rule.grade, limits: chain('rating.and', parts) });
}

export function schemeExplanationMessages(scheme: RatingScheme): Message[] {
  const worst = scheme.grades[scheme.grades.length - 1]!.grade;
  const out: Message[] = [msg('rating.scheme', { name: scheme.name })];
  out.push(msg('rating.areas', { grades: gradeList(scheme.grades.map((g) => ({ name: g.grade, min: g.min }))) }));
  if (scheme.samples === 'worker') out.push(msg('rating.workerSamples'));
  if (scheme.keyItemCap) out.push(msg('rating.keyItemCap', { grade: orWorse(scheme, scheme.keyItemCap) }));
  const rules = chain('rating.semicolon', scheme.overall.map((r) => ruleText(scheme, r)));
  const fallback = scheme.overall.some((r) => !r.limits.length);
  out.push(fallback ? msg('rating.overall', { rules }) : msg('rating.overallElse', { rules, worst }));
  const caps = (['critical', 'major', 'minor'] as const).flatMap((k) => (scheme.severityCaps[k] ? [msg(`rating.cap.${k}`, { grade: orWorse(scheme, scheme.severityCaps[k]!) })] : []));
  if (caps.length) out.push(msg('rating.worstFinding', { caps: chain('rating.comma', caps) }));
  // The notice itself travels with each alert; here only that the duty exists.
  out.push(scheme.zeroTolerance.cap ? msg('rating.zeroToleranceCap', { grade: orWorse(scheme, scheme.zeroTolerance.cap) }) : msg('rating.zeroTolerance'));
  return out;
}

/** For templates without a scheme: the percentage rating they were always rated by. */
export function bandsExplanationMessages(bands: readonly Band[]): Message[] {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return [
    msg('rating.bands', { bands: gradeList(sorted.map((b) => ({ name: b.band, min: b.min }))) }),
    msg('rating.bandsZeroTolerance', { band: sorted[sorted.length - 1]?.band ?? '–' }),
  ];
}

/** The scheme's explanation, or the percentage bands' for a template without one: one message a sentence. */
export function ratingExplanationMessages(scheme: RatingScheme | undefined, bands: readonly Band[]): Message[] {
  return scheme ? schemeExplanationMessages(scheme) : bandsExplanationMessages(bands);
}

/** The same in English, one paragraph. */
export function ratingExplanation(scheme: RatingScheme | undefined, bands: readonly Band[]): string {
  return ratingExplanationMessages(scheme, bands).map(checkEnglish).join(' ');
}
export const schemeExplanation = (scheme: RatingScheme): string => ratingExplanation(scheme, []);
export const bandsExplanation = (bands: readonly Band[]): string => ratingExplanation(undefined, bands);
