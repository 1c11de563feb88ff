// Verdicts the app computes from sampled records, so a breach of the hours
// or wage rules is found the same way on every laptop and at headquarters.
// Reasons are plain sentences: they go straight into findings and reports.
import type { HoursRow, ResponseValue, WageRow } from './domain/response';
import type { Site } from './domain/site';
import type { Severity, TemplateItem } from './template/schema';

export interface HoursLimits {
  contracted: number;
  total: number;
  maxDaysWorked: number;
}
/** ETI Base Code 6: 48 contracted hours, 60 in any 7 days, one day off in 7. */
export const ETI_HOURS_LIMITS: HoursLimits = { contracted: 48, total: 60, maxDaysWorked: 6 };

export type CheckStatus = 'pass' | 'fail' | 'unknown';

export interface RowVerdict {
  status: CheckStatus;
  reasons: string[];
}

export interface CheckVerdict {
  /** fail if any row fails; unknown if nothing failed but a row could not be checked; pass otherwise. */
  status: CheckStatus;
  rows: RowVerdict[];
  failedRows: number;
  reasons: string[];
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);
const who = (name: string, i: number): string => (name.trim() ? name.trim() : `row ${i + 1}`);

export function hoursVerdict(rows: readonly HoursRow[], limits: HoursLimits = ETI_HOURS_LIMITS): CheckVerdict {
  const out = rows.map((r): RowVerdict => {
    const reasons: string[] = [];
    const total = r.contracted + r.overtime;
    if (r.contracted > limits.contracted) reasons.push(`contracted ${fmt(r.contracted)} h is above the ${fmt(limits.contracted)} h limit`);
    if (total > limits.total) {
      reasons.push(`${fmt(total)} h worked in 7 days (${fmt(r.contracted)} + ${fmt(r.overtime)} overtime) is above the ${fmt(limits.total)} h limit`);
    }
    if (r.daysWorked > limits.maxDaysWorked) {
      reasons.push(`worked ${r.daysWorked} days in 7: ${limits.maxDaysWorked === 6 ? 'no day off in 7' : `more than ${limits.maxDaysWorked}`}`);
    }
    // The voluntary flag only means something when overtime was worked.
    if (r.overtime > 0 && !r.voluntary) reasons.push(`${fmt(r.overtime)} h overtime was not voluntary`);
    return { status: reasons.length ? 'fail' : 'pass', reasons };
  });
  return combine(rows.map((r, i) => who(r.worker, i)), out, 'sampled weeks');
}

export type WageSite = Pick<Site, 'minWage' | 'minWagePeriod' | 'overtimeRate' | 'currency'>;

/**
 * One row is one worker's pay period: `basePay` is the rate per `period`
 * (hourly rate, or monthly base salary), `regularHours` the regular hours of
 * the period, `overtimeHours` and `overtimePay` what the payslip shows.
 */
export function wageVerdict(rows: readonly WageRow[], site: WageSite): CheckVerdict {
  const out = rows.map((r): RowVerdict => {
    const fails: string[] = [];
    const unknown: string[] = [];
    const money = (n: number) => `${fmt(n)} ${site.currency}`;
    const hourly = r.period === 'hour' ? r.basePay : r.regularHours > 0 ? r.basePay / r.regularHours : null;

    if (site.minWage === null) unknown.push('no legal minimum wage is entered for the site');
    else if (r.period === site.minWagePeriod) {
      if (r.basePay < site.minWage) fails.push(`base pay ${money(r.basePay)} per ${r.period} is below the legal minimum of ${money(site.minWage)}`);
    } else if (site.minWagePeriod === 'hour') {
      if (hourly === null) unknown.push('regular hours are needed to compare a monthly salary with the hourly minimum');
      else if (hourly < site.minWage) {
        fails.push(`base pay ${money(r.basePay)} for ${fmt(r.regularHours)} h is ${money(hourly)} per hour, below the legal minimum of ${money(site.minWage)}`);
      }
    } else if (r.regularHours <= 0) {
      unknown.push('regular hours are needed to compare an hourly rate with the monthly minimum');
    } else {
      const month = r.basePay * r.regularHours;
      if (month < site.minWage) {
        fails.push(`${fmt(r.regularHours)} h at ${money(r.basePay)} per hour is ${money(month)} for the month, below the legal minimum of ${money(site.minWage)}`);
      }
    }

    if (r.overtimeHours > 0) {
      if (hourly === null) unknown.push('regular hours are needed to check the overtime premium');
      else {
        const due = hourly * site.overtimeRate * r.overtimeHours;
        // Half a cent of slack: payslips are rounded to cents.
        if (r.overtimePay + 0.005 < due) {
          fails.push(
            `overtime pay ${money(r.overtimePay)} for ${fmt(r.overtimeHours)} h is below the ${money(due)} due (${money(hourly)} × ${fmt(site.overtimeRate)} × ${fmt(r.overtimeHours)} h)`,
          );
        }
      }
    }
    if (fails.length) return { status: 'fail', reasons: fails };
    return { status: unknown.length ? 'unknown' : 'pass', reasons: unknown };
  });
  return combine(rows.map((r, i) => who(r.worker, i)), out, 'sampled pay records');
}

function combine(names: string[], rows: RowVerdict[], noun: string): CheckVerdict {
  const failed = rows.filter((r) => r.status === 'fail').length;
  const status: CheckStatus = failed ? 'fail' : rows.some((r) => r.status === 'unknown') ? 'unknown' : 'pass';
  const reasons: string[] = [];
  if (failed) reasons.push(`${failed} of ${rows.length} ${noun} breach the rules`);
  rows.forEach((r, i) => {
    for (const reason of r.reasons) reasons.push(`${names[i]}: ${reason}`);
  });
  return { status, rows, failedRows: failed, reasons };
}

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
export function numberReason(item: NumberLike, value: number): string {
  const t = item.thresholds;
  const u = item.unit;
  if (t.failAbove !== undefined && value > t.failAbove) return `${fmt(value)} ${u} is above the limit of ${fmt(t.failAbove)} ${u}`;
  if (t.failBelow !== undefined && value < t.failBelow) return `${fmt(value)} ${u} is below the minimum of ${fmt(t.failBelow)} ${u}`;
  if (t.warnAbove !== undefined && value > t.warnAbove) return `${fmt(value)} ${u} is above the action level of ${fmt(t.warnAbove)} ${u}`;
  if (t.warnBelow !== undefined && value < t.warnBelow) return `${fmt(value)} ${u} is below the recommended ${fmt(t.warnBelow)} ${u}`;
  return `${fmt(value)} ${u} is within limits`;
}

/** What scoring and findings need from a stored answer. */
export interface ResponseLike {
  value: ResponseValue | null;
  note?: string;
  severity?: Severity | null;
  zeroTolerance?: boolean;
}

export interface ItemFinding {
  summary: string;
  /** 'answer': the auditor said so; 'check': the app computed it from the records. */
  source: 'answer' | 'check';
  severity: Severity | null;
}

/** Severity of a computed breach when the auditor has not chosen one. */
export const DEFAULT_CHECK_SEVERITY: Severity = 'major';

/** A breach the app computed from the records. */
function computed(item: TemplateItem, chosen: Severity | null, detail: string): ItemFinding {
  return { summary: `${item.prompt} — ${detail}`, source: 'check', severity: chosen ?? DEFAULT_CHECK_SEVERITY };
}

/**
 * The finding an answer raises, or null. The value must be of the item's kind
 * (a mismatch raises nothing: the store refuses it before it gets here).
 */
export function itemFinding(item: TemplateItem, response: ResponseLike | null | undefined, site: WageSite): ItemFinding | null {
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
      return computed(item, chosen, numberReason(item, v.value));
    case 'hours': {
      if (v.kind !== 'hours') return null;
      const hv = hoursVerdict(v.rows, item.limits);
      return hv.status === 'fail' ? computed(item, chosen, hv.reasons.join('; ')) : null;
    }
    case 'wage': {
      if (v.kind !== 'wage') return null;
      const wv = wageVerdict(v.rows, site);
      return wv.status === 'fail' ? computed(item, chosen, wv.reasons.join('; ')) : null;
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
