// ETI Base Code 6 (working hours) applied to the hours sample, with the
// site's law where it is stricter: contracted hours (6.2), total hours in
// any 7 days (6.4), voluntary overtime (6.3), a day off in every 7 or, where
// the law allows it, two in every 14 (6.6). A 14-day daily record per worker
// lets runs of days and 7-day totals be checked across the week boundary.
import type { HoursRow } from './domain/response';
import type { LegalProfile } from './domain/legal-profile';
import { checkEnglish, combine, DEFAULT_MIN_SAMPLE, rowOf, sampleSizeWarning, who, type CheckVerdict, type RowVerdict } from './sample-verdict';
import { msg, type Message } from './messages';

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
const limitText = (l: Limit): Message => msg(l.legal ? 'hours.legalLimit' : 'hours.limit', { value: l.value });

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

function dayLabel(weekStart: string, i: number): string | Message {
  if (!weekStart) return msg('hours.day', { n: i + 1 });
  const d = new Date(`${weekStart}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + i);
  return d.toISOString().slice(0, 10);
}

/** Checks of the daily record: longest run of days worked, days off in 14, 7-day totals, daily maximum. */
function dailyChecks(r: HoursRow, lim: Effective, fails: Message[], unknown: Message[]): void {
  const days = r.days ?? [];
  if (!days.some((d) => d !== null)) return;
  const label = (i: number) => dayLabel(r.weekStart, i);

  if (lim.maxDay !== null) {
    days.forEach((h, i) => {
      if (h !== null && h > lim.maxDay!) fails.push(msg('hours.dayAboveMax', { hours: h, day: label(i), max: lim.maxDay! }));
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
      if (off < 2) fails.push(msg(off === 0 ? 'hours.noDayOff14' : 'hours.oneDayOff14', { day: label(0) }));
    } else if (best.len > lim.maxDaysWorked) {
      unknown.push(msg('hours.need14'));
    }
  } else if (best.len > lim.maxDaysWorked) {
    fails.push(msg('hours.consecutive', { days: best.len, from: label(best.from), to: label(best.from + best.len - 1) }));
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
    fails.push(msg('hours.windowAbove', { hours: worst.total, day: label(worst.from), limit: limitText(lim.total) }));
  }
}

function rowVerdict(r: HoursRow, lim: Effective): RowVerdict {
  const hasDays = (r.days ?? []).some((d) => d !== null);
  const missing = [
    r.contracted === null && msg('hours.field.contracted'),
    r.overtime === null && msg('hours.field.overtime'),
    r.daysWorked === null && msg('hours.field.daysWorked'),
  ].filter((x): x is Message => Boolean(x));
  if (missing.length && !hasDays) return rowOf('unknown', [msg('hours.notJudged', { missing })], true);

  const fails: Message[] = [];
  const unknown: Message[] = [];
  if (r.contracted !== null && r.contracted > lim.contracted.value) fails.push(msg('hours.contractedAbove', { hours: r.contracted, limit: limitText(lim.contracted) }));
  if (r.contracted !== null && r.overtime !== null) {
    const total = r.contracted + r.overtime;
    if (total > lim.total.value) {
      fails.push(msg('hours.totalAbove', { total, contracted: r.contracted, overtime: r.overtime, limit: limitText(lim.total) }));
    }
  }
  if (r.daysWorked !== null && r.daysWorked > lim.maxDaysWorked) {
    // Where the law allows two days off in 14, a full week can be lawful: the daily record decides.
    if (!lim.twoIn14) fails.push(lim.maxDaysWorked === 6 ? msg('hours.noDayOff7', { days: r.daysWorked }) : msg('hours.moreDaysThan', { days: r.daysWorked, max: lim.maxDaysWorked }));
    else if (!hasDays) unknown.push(msg('hours.need14ForWeek', { days: r.daysWorked }));
  }
  // The voluntary answer only means something when overtime was worked.
  if (r.overtime !== null && r.overtime > 0) {
    if (r.voluntary === false) fails.push(msg('hours.notVoluntary', { hours: r.overtime }));
    else if (r.voluntary === null) unknown.push(msg('hours.voluntaryUnknown', { hours: r.overtime }));
  }
  dailyChecks(r, lim, fails, unknown);
  if (fails.length) return rowOf('fail', fails);
  return rowOf(unknown.length || missing.length ? 'unknown' : 'pass', [...unknown, ...(missing.length ? [msg('hours.notEntered', { missing })] : [])]);
}

export function hoursVerdict(rows: readonly HoursRow[], limits: HoursLimits = ETI_HOURS_LIMITS, opts: HoursOptions = {}): CheckVerdict {
  const lim = effectiveLimits(limits, opts.legal);
  const out = rows.map((r) => rowVerdict(r, lim));
  const warning = sampleSizeWarning(rows, opts.minSample ?? DEFAULT_MIN_SAMPLE);
  return combine(rows.map((r, i) => who(r.worker, i)), out, 'hours.breach', warning ? [warning] : []);
}

/** The limits as a sentence, the law's where stricter, for the table and the report. */
export function hoursLimitsMessage(limits: HoursLimits, legal: HoursOptions['legal']): Message {
  const lim = effectiveLimits(limits, legal);
  const h = (l: Limit) => msg(l.legal ? 'hours.hLaw' : 'hours.h', { value: l.value });
  return msg('hours.limits', {
    contracted: h(lim.contracted),
    total: h(lim.total),
    off: lim.twoIn14 ? msg('hours.off14') : msg('hours.offMax', { days: lim.maxDaysWorked }),
    day: lim.maxDay === null ? '' : msg('hours.dayMax', { max: lim.maxDay }),
  });
}

export const hoursLimitsText = (limits: HoursLimits, legal: HoursOptions['legal']): string => checkEnglish(hoursLimitsMessage(limits, legal));
