// ETI Base Code 6 (working hours) applied to the hours sample, with the
// site's law where it is stricter: contracted hours (6.2), total hours in
// any 7 days (6.4), voluntary overtime (6.3), a day off in every 7 or, where
// the law allows it, two in every 14 (6.6). A 14-day daily record per worker
// lets runs of days and 7-day totals be checked across the week boundary.
import type { HoursRow } from './domain/response';
import type { LegalProfile } from './domain/legal-profile';
import { combine, DEFAULT_MIN_SAMPLE, fmt, sampleSizeWarning, who, type CheckVerdict, type RowVerdict } from './sample-verdict';

export interface HoursLimits {
  contracted: number;
  total: number;
  maxDaysWorked: number;
}
/** ETI Base Code 6: 48 contracted hours, 60 in any 7 days, one day off in 7. */
export const ETI_HOURS_LIMITS: HoursLimits = { contracted: 48, total: 60, maxDaysWorked: 6 };

export interface HoursOptions {
  /** The site's law: its limits apply where they are stricter than the template's. */
  legal?: Pick<LegalProfile, 'regularHoursPerWeek' | 'maxHoursPerWeek' | 'maxHoursPerDay' | 'restDaysPerWeek' | 'twoDaysOffIn14'> | null;
  minSample?: number;
}

interface Limit { value: number; legal: boolean }
interface Effective {
  contracted: Limit;
  total: Limit;
  maxDaysWorked: number;
  maxDay: number | null;
  twoIn14: boolean;
}

const stricter = (template: number, law: number | null | undefined): Limit =>
  law !== null && law !== undefined && law < template ? { value: law, legal: true } : { value: template, legal: false };
const limitText = (l: Limit) => `the ${fmt(l.value)} h ${l.legal ? 'legal ' : ''}limit`;

function effectiveLimits(limits: HoursLimits, legal: HoursOptions['legal']): Effective {
  const rest = legal?.restDaysPerWeek ?? null;
  return {
    contracted: stricter(limits.contracted, legal?.regularHoursPerWeek),
    total: stricter(limits.total, legal?.maxHoursPerWeek),
    maxDaysWorked: rest === null ? limits.maxDaysWorked : Math.min(limits.maxDaysWorked, 7 - rest),
    maxDay: legal?.maxHoursPerDay ?? null,
    twoIn14: legal?.twoDaysOffIn14 ?? false,
  };
}

function dayLabel(weekStart: string, i: number): string {
  if (!weekStart) return `day ${i + 1}`;
  const d = new Date(`${weekStart}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + i);
  return d.toISOString().slice(0, 10);
}

/** Checks of the daily record: longest run of days worked, days off in 14, 7-day totals, daily maximum. */
function dailyChecks(r: HoursRow, lim: Effective, fails: string[], unknown: string[]): void {
  const days = r.days ?? [];
  if (!days.some((d) => d !== null)) return;
  const label = (i: number) => dayLabel(r.weekStart, i);

  if (lim.maxDay !== null) {
    days.forEach((h, i) => {
      if (h !== null && h > lim.maxDay!) fails.push(`${fmt(h)} h worked on ${label(i)} is above the ${fmt(lim.maxDay!)} h legal daily maximum`);
    });
  }

  // Runs of days worked; a day not recorded ends a run (nothing is assumed about it).
  let best = { len: 0, from: 0 };
  let run = 0;
  days.forEach((h, i) => {
    run = h !== null && h > 0 ? run + 1 : 0;
    if (run > best.len) best = { len: run, from: i - run + 1 };
  });
  const recorded = days.filter((h) => h !== null).length;
  if (lim.twoIn14) {
    if (recorded === 14 && days.length === 14) {
      const off = days.filter((h) => h === 0).length;
      if (off < 2) fails.push(`${off === 0 ? 'no day' : 'only 1 day'} off in the 14 days from ${label(0)} (two are due in every 14)`);
    } else if (best.len > lim.maxDaysWorked) {
      unknown.push('a full 14-day record is needed to check two days off in 14');
    }
  } else if (best.len > lim.maxDaysWorked) {
    fails.push(`worked ${best.len} consecutive days (${label(best.from)} to ${label(best.from + best.len - 1)}) without a day off`);
  }

  // Totals in every 7-day window fully recorded; the worst one is reported.
  let worst = { total: -1, from: 0 };
  for (let i = 0; i + 7 <= days.length; i += 1) {
    const win = days.slice(i, i + 7);
    if (win.some((h) => h === null)) continue;
    const total = win.reduce<number>((a, h) => a + (h ?? 0), 0);
    if (total > worst.total) worst = { total, from: i };
  }
  // The first window is the row's own week when its totals were entered: said once, above.
  const sameAsWeek = worst.from === 0 && r.contracted !== null && r.overtime !== null && r.contracted + r.overtime === worst.total;
  if (worst.total > lim.total.value && !sameAsWeek) {
    fails.push(`${fmt(worst.total)} h worked in the 7 days from ${label(worst.from)} is above ${limitText(lim.total)}`);
  }
}

function rowVerdict(r: HoursRow, lim: Effective): RowVerdict {
  const hasDays = (r.days ?? []).some((d) => d !== null);
  const missing = [
    r.contracted === null && 'contracted hours',
    r.overtime === null && 'overtime hours',
    r.daysWorked === null && 'days worked',
  ].filter((x): x is string => Boolean(x));
  if (missing.length && !hasDays) return { status: 'unknown', incomplete: true, reasons: [`not judged: ${missing.join(', ')} not entered`] };

  const fails: string[] = [];
  const unknown: string[] = [];
  if (r.contracted !== null && r.contracted > lim.contracted.value) fails.push(`contracted ${fmt(r.contracted)} h is above ${limitText(lim.contracted)}`);
  if (r.contracted !== null && r.overtime !== null) {
    const total = r.contracted + r.overtime;
    if (total > lim.total.value) {
      fails.push(`${fmt(total)} h worked in 7 days (${fmt(r.contracted)} + ${fmt(r.overtime)} overtime) is above ${limitText(lim.total)}`);
    }
  }
  if (r.daysWorked !== null && r.daysWorked > lim.maxDaysWorked) {
    // Where the law allows two days off in 14, a full week can be lawful: the daily record decides.
    if (!lim.twoIn14) fails.push(`worked ${r.daysWorked} days in 7: ${lim.maxDaysWorked === 6 ? 'no day off in 7' : `more than ${lim.maxDaysWorked}`}`);
    else if (!hasDays) unknown.push(`worked ${r.daysWorked} days in 7: a 14-day record is needed to check two days off in 14`);
  }
  // The voluntary answer only means something when overtime was worked.
  if (r.overtime !== null && r.overtime > 0) {
    if (r.voluntary === false) fails.push(`${fmt(r.overtime)} h overtime was not voluntary`);
    else if (r.voluntary === null) unknown.push(`whether the ${fmt(r.overtime)} h overtime was voluntary is not answered yet`);
  }
  dailyChecks(r, lim, fails, unknown);
  if (fails.length) return { status: 'fail', reasons: fails };
  return { status: unknown.length || missing.length ? 'unknown' : 'pass', reasons: [...unknown, ...(missing.length ? [`${missing.join(', ')} not entered`] : [])] };
}

export function hoursVerdict(rows: readonly HoursRow[], limits: HoursLimits = ETI_HOURS_LIMITS, opts: HoursOptions = {}): CheckVerdict {
  const lim = effectiveLimits(limits, opts.legal);
  const out = rows.map((r) => rowVerdict(r, lim));
  const warning = sampleSizeWarning(rows, opts.minSample ?? DEFAULT_MIN_SAMPLE);
  return combine(rows.map((r, i) => who(r.worker, i)), out, 'sampled weeks', warning ? [warning] : []);
}

/** The limits as a sentence, the law's where stricter, for the table and the report. */
export function hoursLimitsText(limits: HoursLimits, legal: HoursOptions['legal']): string {
  const lim = effectiveLimits(limits, legal);
  const off = lim.twoIn14 ? 'one day off in 7 or two in 14 (the law allows it)' : `at most ${lim.maxDaysWorked} days worked in 7`;
  const day = lim.maxDay === null ? '' : `, at most ${fmt(lim.maxDay)} h a day (law)`;
  return `Limits: contracted ≤ ${fmt(lim.contracted.value)} h${lim.contracted.legal ? ' (law)' : ''}, total ≤ ${fmt(lim.total.value)} h in any 7 days${lim.total.legal ? ' (law)' : ''}, ${off}${day}, overtime voluntary.`;
}
