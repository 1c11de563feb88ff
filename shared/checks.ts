// Verdicts the app computes from sampled records, so a breach of the hours
// or wage rules is found the same way on every laptop and at headquarters.
// Reasons are messages with their English sentence: the English goes into
// the stored finding, the message is said in the reader's language.
import type { HoursRow, ResponseValue, WageRow } from './domain/response';
import type { Severity, TemplateItem } from './template/schema';
import type { CheckVerdict } from './sample-verdict';
import { hoursVerdict } from './hours-check';
import { wageVerdict, type WageSite } from './wage-check';
import { checkEnglish } from './sample-verdict';
import { msg, type Message, type MessageParam } from './messages';

export { ETI_HOURS_LIMITS, hoursLimitsMessage, hoursLimitsText, hoursVerdict, type HoursLimits, type HoursOptions } from './hours-check';
export { ETI_OVERTIME_RATE, unpaidOvertimeWorkers, wageBasisMessage, wageBasisText, wageVerdict, type WageOptions, type WageSite } from './wage-check';
export { checkEnglish, DEFAULT_MIN_SAMPLE, type CheckStatus, type CheckVerdict, type RowVerdict } from './sample-verdict';

export type NumberStatus = 'pass' | 'warn' | 'fail';
type NumberLike = Extract<TemplateItem, { kind: 'number' }>;

/** A reading exactly on a limit is within it: failAbove 85 fails 85.1, not 85. */
export function numberVerdict(item: NumberLike, value: number): NumberStatus {
  const t = item.thresholds;
  if ((t.failBelow !== undefined && value < t.failBelow) || (t.failAbove !== undefined && value > t.failAbove)) return 'fail';
  if ((t.warnBelow !== undefined && value < t.warnBelow) || (t.warnAbove !== undefined && value > t.warnAbove)) return 'warn';
  return 'pass';
}

/** The sentence behind a number verdict, with the limit it crossed. */
export function numberReasonMessage(item: NumberLike, value: number): Message {
  const t = item.thresholds;
  const unit = item.unit;
  if (t.failAbove !== undefined && value > t.failAbove) return msg('number.failAbove', { value, limit: t.failAbove, unit });
  if (t.failBelow !== undefined && value < t.failBelow) return msg('number.failBelow', { value, limit: t.failBelow, unit });
  if (t.warnAbove !== undefined && value > t.warnAbove) return msg('number.warnAbove', { value, limit: t.warnAbove, unit });
  if (t.warnBelow !== undefined && value < t.warnBelow) return msg('number.warnBelow', { value, limit: t.warnBelow, unit });
  return msg('number.within', { value, unit });
}

export const numberReason = (item: NumberLike, value: number): string => checkEnglish(numberReasonMessage(item, value));

/** What scoring and findings need from a stored answer. */
export interface ResponseLike {
  value: ResponseValue | null;
  note?: string;
  severity?: Severity | null;
  zeroTolerance?: boolean;
}

export interface ItemFinding {
  summary: string;
  /** A computed finding's summary as a message, for the reader's language. */
  text?: Message;
  /** 'answer': the auditor said so; 'check': the app computed it from the records. */
  source: 'answer' | 'check';
  severity: Severity | null;
}

/** Severity of a computed breach when the auditor has not chosen one. */
export const DEFAULT_CHECK_SEVERITY: Severity = 'major';

/** A breach the app computed from the records. */
function computed(item: TemplateItem, chosen: Severity | null, reasons: Message[]): ItemFinding {
  const detail = reasons.length ? reasons.slice(1).reduce<MessageParam>((a, b) => msg('rating.semicolon', { a, b }), reasons[0]!) : '';
  const text = msg('finding.computed', { prompt: item.prompt, detail });
  return { summary: checkEnglish(text), text, source: 'check', severity: chosen ?? DEFAULT_CHECK_SEVERITY };
}

/** What else in the audit a check reads: the hours sample, for the wage item's overtime cross-check. */
export interface FindingContext {
  hours?: readonly HoursRow[];
}

/**
 * A wage or hours sample judged as its finding and the rating both judge it:
 * by the site's law, the item's minimum sample and, for wages, the hours sample.
 */
export function sampleVerdict(item: Extract<TemplateItem, { kind: 'hours' | 'wage' }>, rows: readonly HoursRow[] | readonly WageRow[], site: WageSite, context: FindingContext = {}): CheckVerdict {
  return item.kind === 'hours'
    ? hoursVerdict(rows as readonly HoursRow[], item.limits, { legal: site.legal, minSample: item.minSample })
    : wageVerdict(rows as readonly WageRow[], site, { minSample: item.minSample, hours: context.hours });
}

/**
 * The finding an answer raises, or null. The value must be of the item's kind
 * (a mismatch raises nothing: the store refuses it before it gets here).
 */
export function itemFinding(item: TemplateItem, response: ResponseLike | null | undefined, site: WageSite, context: FindingContext = {}): ItemFinding | null {
  const v = response?.value;
  if (!response || !v || v.kind !== item.kind) return null;
  // Runs on every saved answer: no work (trimming, closures) before the answer calls for a finding.
  const chosen = response.severity ?? null;

  switch (item.kind) {
    case 'compliance':
      if (v.kind !== 'compliance' || v.answer !== 'non_compliant') return null;
      return { summary: (response.note ?? '').trim() || item.prompt, source: 'answer', severity: chosen };
    case 'number':
      if (v.kind !== 'number' || numberVerdict(item, v.value) !== 'fail') return null;
      return computed(item, chosen, [numberReasonMessage(item, v.value)]);
    case 'hours': {
      if (v.kind !== 'hours') return null;
      const hv = sampleVerdict(item, v.rows, site);
      return hv.status === 'fail' ? computed(item, chosen, hv.reasonMessages) : null;
    }
    case 'wage': {
      if (v.kind !== 'wage') return null;
      const wv = sampleVerdict(item, v.rows, site, context);
      return wv.status === 'fail' ? computed(item, chosen, wv.reasonMessages) : null;
    }
    case 'choice': {
      if (v.kind !== 'choice') return null;
      const flagged = item.options.filter((o) => o.finding && v.selected.includes(o.value));
      if (!flagged.length) return null;
      const labels = flagged.map((o) => o.label).join(', ');
      const note = (response.note ?? '').trim();
      return { summary: note ? `${item.prompt} — ${labels}: ${note}` : `${item.prompt} — ${labels}`, source: 'answer', severity: chosen };
    }
    case 'text':
      return null;
  }
}
