// ETI Base Code 5 (living wages are paid) and 6.3 (overtime at a premium)
// applied to the wage sample, against the site's legal profile. Pay is
// compared in the worker's own period: an hourly rate with the hourly
// equivalent of the minimum, a daily rate per day worked, a salary with the
// minimum for the hours it pays. Where a conversion needs a figure the profile
// lacks, the row is "cannot check", never a guess.
import type { HoursRow, WageRow } from './domain/response';
import type { LegalProfile, WagePeriod } from './domain/legal-profile';
import { ETI_HOURS_LIMITS } from './hours-check';
import { checkEnglish, combine, DEFAULT_MIN_SAMPLE, rowOf, sampleSizeWarning, who, type CheckVerdict, type RowVerdict } from './sample-verdict';
import { msg, type Message } from './messages';

/** ETI 6.3: overtime "recommended to be not less than 125 % of the regular rate of pay". */
export const ETI_OVERTIME_RATE = 1.25;

export interface WageSite {
  currency: string;
  legal: LegalProfile;
}

export interface WageOptions {
  minSample?: number;
  /** The hours sample of the same audit, for the overtime cross-check. */
  hours?: readonly HoursRow[];
}

const WEEKS_PER_MONTH = 52 / 12;

/** Regular full-time hours in one `period`, from the profile (the ETI week where the law sets none). */
function fullTimeHours(period: WagePeriod, legal: WageSite['legal']): { hours: number; basis: Message | '' } | null {
  const week = legal.regularHoursPerWeek ?? ETI_HOURS_LIMITS.contracted;
  const weekBasis = msg(legal.regularHoursPerWeek === null ? 'wage.etiWeek' : 'wage.legalWeek', { hours: week });
  switch (period) {
    case 'hour':
      return { hours: 1, basis: '' };
    case 'day':
      return legal.regularHoursPerDay === null ? null : { hours: legal.regularHoursPerDay, basis: msg('wage.legalDay', { hours: legal.regularHoursPerDay }) };
    case 'week':
      return { hours: week, basis: weekBasis };
    case 'month':
      return { hours: week * WEEKS_PER_MONTH, basis: msg('wage.monthBasis', { week: weekBasis }) };
  }
}

/** Hours one unit of the worker's pay stands for. */
function workerUnitHours(r: WageRow, legal: WageSite['legal']): number | null {
  const regular = r.regularHours ?? 0;
  switch (r.period) {
    case 'hour':
      return 1;
    case 'day':
      if (regular > 0 && (r.daysWorked ?? 0) > 0) return regular / r.daysWorked!;
      return legal.regularHoursPerDay;
    case 'week':
    case 'month':
      return regular > 0 ? regular : fullTimeHours(r.period, legal)?.hours ?? null;
  }
}

const per = (p: WagePeriod): Message => msg(`wage.per.${p}`);
const moneyOf = (currency: string) => (n: number): Message => msg('wage.money', { amount: n, currency });

function minimumCheck(r: WageRow, basePay: number, site: WageSite, fails: Message[], unknown: Message[]): void {
  const { legal } = site;
  const money = moneyOf(site.currency);
  if (legal.minWage === null) {
    unknown.push(msg('wage.noMinimum'));
    return;
  }
  const min = legal.minWage;
  const full = fullTimeHours(legal.wagePeriod, legal);
  // Same period: rate against rate (per hour, per day worked) or salary against salary.
  // A salary is not pro-rated: a legal monthly or weekly minimum is for the worker's normal hours.
  if (r.period === legal.wagePeriod) {
    if (basePay < min) fails.push(msg('wage.belowSamePeriod', { pay: money(basePay), per: per(r.period), min: money(min) }));
    return;
  }
  const unit = workerUnitHours(r, legal);
  if (!full) {
    unknown.push(msg('wage.needLegalHours', { per: per(r.period), legalPer: per(legal.wagePeriod) }));
    return;
  }
  if (unit === null) {
    unknown.push(msg('wage.needRegularHours', { per: per(r.period), legalPer: per(legal.wagePeriod) }));
    return;
  }
  const hourlyMin = min / full.hours;
  const due = hourlyMin * unit;
  if (basePay + 0.005 < due) {
    const base = full.hours === 1 ? msg('wage.minPerHour', { min: money(min) }) : msg('wage.minOver', { min: money(min), legalPer: per(legal.wagePeriod), basis: full.basis });
    const common = { pay: money(basePay), per: per(r.period), due: money(due), base };
    fails.push(r.period === 'hour' ? msg('wage.belowHourly', common) : msg('wage.belowUnit', { ...common, hours: unit }));
  }
}

/** The worker's regular hourly rate, or null when the row cannot give one. */
function hourlyRate(r: WageRow, basePay: number, legal: WageSite['legal']): number | null {
  if (r.period === 'hour') return basePay;
  const regular = r.regularHours ?? 0;
  if (r.period === 'day') {
    const unit = workerUnitHours(r, legal);
    return unit ? basePay / unit : null;
  }
  return regular > 0 ? basePay / regular : null;
}

function premiumChecks(r: WageRow, basePay: number, site: WageSite, fails: Message[], unknown: Message[]): void {
  const money = moneyOf(site.currency);
  const hourly = hourlyRate(r, basePay, site.legal);
  const ot = r.overtimeHours ?? 0;
  if (ot > 0) {
    if (hourly === null) unknown.push(msg('wage.needHoursOvertime'));
    else if (r.overtimePay === null) unknown.push(msg('wage.overtimePayMissing', { hours: ot }));
    else {
      const legalDue = hourly * site.legal.overtimeRate * ot;
      const etiDue = hourly * ETI_OVERTIME_RATE * ot;
      // Half a cent of slack: payslips are rounded to cents.
      if (r.overtimePay + 0.005 < legalDue) {
        fails.push(msg('wage.overtimeBelowLegal', { paid: money(r.overtimePay), hours: ot, due: money(legalDue), hourly: money(hourly), rate: site.legal.overtimeRate }));
      } else if (r.overtimePay + 0.005 < etiDue) {
        const paid = r.overtimePay / (hourly * ot);
        fails.push(msg('wage.overtimeBelowEti', { paid, eti: ETI_OVERTIME_RATE, due: money(etiDue), hours: ot }));
      }
    }
  }
  const night = r.nightHours ?? 0;
  const rate = site.legal.nightRate;
  if (night > 0 && rate !== null) {
    if (hourly === null) unknown.push(msg('wage.needHoursNight'));
    else if (r.nightPay === null || r.nightPay === undefined) unknown.push(msg('wage.nightPayMissing', { hours: night }));
    else {
      const due = hourly * (rate - 1) * night;
      if (r.nightPay + 0.005 < due) {
        fails.push(msg('wage.nightBelow', { paid: money(r.nightPay), hours: night, due: money(due), hourly: money(hourly), rate: rate - 1 }));
      }
    }
  }
  if (r.recordedHours !== null && r.recordedHours !== undefined && r.regularHours !== null) {
    const paid = r.regularHours + ot;
    const unpaid = r.recordedHours - paid;
    if (unpaid > 0.005) {
      const figures = { unpaid, recorded: r.recordedHours, paid };
      fails.push(hourly === null ? msg('wage.unpaidHours', figures) : msg('wage.unpaidHoursWorth', { ...figures, worth: money(hourly * unpaid) }));
    }
  }
}

/** Workers in both samples with overtime in the hours sample and none paid in the wage sample. */
export function unpaidOvertimeWorkers(hours: readonly HoursRow[], wages: readonly WageRow[]): Map<string, number> {
  const key = (s: string) => s.trim().toLowerCase();
  const worked = new Map<string, number>();
  for (const h of hours) {
    const k = key(h.worker);
    if (k && h.overtime !== null && h.overtime > 0) worked.set(k, (worked.get(k) ?? 0) + h.overtime);
  }
  const paid = new Map<string, boolean>();
  for (const w of wages) {
    const k = key(w.worker);
    if (!k || w.basePay === null) continue;
    const any = (w.overtimeHours ?? 0) > 0 && (w.overtimePay ?? 0) > 0;
    paid.set(k, (paid.get(k) ?? false) || any);
  }
  const out = new Map<string, number>();
  for (const [k, h] of worked) if (paid.get(k) === false) out.set(k, h);
  return out;
}

function rowVerdict(r: WageRow, site: WageSite, unpaidOt: Map<string, number>): RowVerdict {
  if (r.basePay === null) return rowOf('unknown', [msg('wage.notJudged')], true);
  const fails: Message[] = [];
  const unknown: Message[] = [];
  minimumCheck(r, r.basePay, site, fails, unknown);
  premiumChecks(r, r.basePay, site, fails, unknown);
  const ot = unpaidOt.get(r.worker.trim().toLowerCase());
  if (ot !== undefined) fails.push(msg('wage.unpaidOvertime', { hours: ot }));
  if (fails.length) return rowOf('fail', fails);
  return rowOf(unknown.length ? 'unknown' : 'pass', unknown);
}

/**
 * One row is one worker's pay period: `basePay` is the rate or salary per
 * `period`, `regularHours` the regular hours paid in the period,
 * `overtimeHours` and `overtimePay` what the payslip shows.
 */
export function wageVerdict(rows: readonly WageRow[], site: WageSite, opts: WageOptions = {}): CheckVerdict {
  const unpaidOt = opts.hours ? unpaidOvertimeWorkers(opts.hours, rows) : new Map<string, number>();
  const out = rows.map((r) => rowVerdict(r, site, unpaidOt));
  const warning = sampleSizeWarning(rows, opts.minSample ?? DEFAULT_MIN_SAMPLE);
  return combine(rows.map((r, i) => who(r.worker, i)), out, 'wage.breach', warning ? [warning] : []);
}

/** The legal basis of the wage check as a sentence, for the table and the report. */
export function wageBasisMessage(site: WageSite): Message {
  const l = site.legal;
  return msg('wage.basis', {
    min: l.minWage === null ? msg('wage.basisMinNone') : msg('wage.basisMin', { min: moneyOf(site.currency)(l.minWage), per: per(l.wagePeriod) }),
    overtime: l.overtimeRate < ETI_OVERTIME_RATE ? msg('wage.basisOvertimeEti', { rate: l.overtimeRate, eti: ETI_OVERTIME_RATE }) : msg('wage.basisOvertime', { rate: l.overtimeRate }),
    night: l.nightRate === null ? '' : msg('wage.basisNight', { rate: l.nightRate }),
  });
}

export const wageBasisText = (site: WageSite): string => checkEnglish(wageBasisMessage(site));
