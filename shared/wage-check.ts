// ETI Base Code 5 (living wages are paid) and 6.3 (overtime at a premium)
// applied to the wage sample, against the site's legal profile. Pay is
// compared in the worker's own period: an hourly rate with the hourly
// equivalent of the minimum, a daily rate per day worked, a salary with the
// minimum for the hours it pays. Where a conversion needs a figure the profile
// lacks, the row is "cannot check", never a guess.
import type { HoursRow, WageRow } from './domain/response';
import type { LegalProfile, WagePeriod } from './domain/legal-profile';
import { ETI_HOURS_LIMITS } from './hours-check';
import { combine, DEFAULT_MIN_SAMPLE, fmt, sampleSizeWarning, who, type CheckVerdict, type RowVerdict } from './sample-verdict';

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
function fullTimeHours(period: WagePeriod, legal: WageSite['legal']): { hours: number; basis: string } | null {
  const week = legal.regularHoursPerWeek ?? ETI_HOURS_LIMITS.contracted;
  const weekBasis = legal.regularHoursPerWeek === null ? `the ETI week of ${fmt(week)} h` : `the legal week of ${fmt(week)} h`;
  switch (period) {
    case 'hour':
      return { hours: 1, basis: '' };
    case 'day':
      return legal.regularHoursPerDay === null ? null : { hours: legal.regularHoursPerDay, basis: `the legal day of ${fmt(legal.regularHoursPerDay)} h` };
    case 'week':
      return { hours: week, basis: weekBasis };
    case 'month':
      return { hours: week * WEEKS_PER_MONTH, basis: `${weekBasis} × 52 / 12` };
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

const per = (p: WagePeriod) => `per ${p}`;

function minimumCheck(r: WageRow, basePay: number, site: WageSite, fails: string[], unknown: string[]): void {
  const { legal } = site;
  const money = (n: number) => `${fmt(n)} ${site.currency}`;
  if (legal.minWage === null) {
    unknown.push('no legal minimum wage is entered for the site');
    return;
  }
  const min = legal.minWage;
  const full = fullTimeHours(legal.wagePeriod, legal);
  // Same period: rate against rate (per hour, per day worked) or salary against salary.
  // A salary is not pro-rated: a legal monthly or weekly minimum is for the worker's normal hours.
  if (r.period === legal.wagePeriod) {
    if (basePay < min) fails.push(`base pay ${money(basePay)} ${per(r.period)} is below the legal minimum of ${money(min)} ${per(r.period)}`);
    return;
  }
  const unit = workerUnitHours(r, legal);
  if (!full) {
    unknown.push(`the legal regular hours per ${legal.wagePeriod} are needed to compare pay ${per(r.period)} with the minimum ${per(legal.wagePeriod)}`);
    return;
  }
  if (unit === null) {
    unknown.push(`regular hours (or days worked) are needed to compare pay ${per(r.period)} with the minimum ${per(legal.wagePeriod)}`);
    return;
  }
  const hourlyMin = min / full.hours;
  const due = hourlyMin * unit;
  if (basePay + 0.005 < due) {
    const base = full.hours === 1 ? `${money(min)} per hour` : `${money(min)} ${per(legal.wagePeriod)} over ${full.basis}`;
    const what = r.period === 'hour' ? 'the hourly equivalent of' : `${fmt(unit)} h at the hourly equivalent of`;
    fails.push(`base pay ${money(basePay)} ${per(r.period)} is below ${money(due)}, ${what} the legal minimum (${base})`);
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

function premiumChecks(r: WageRow, basePay: number, site: WageSite, fails: string[], unknown: string[]): void {
  const money = (n: number) => `${fmt(n)} ${site.currency}`;
  const hourly = hourlyRate(r, basePay, site.legal);
  const ot = r.overtimeHours ?? 0;
  if (ot > 0) {
    if (hourly === null) unknown.push('regular hours are needed to check the overtime premium');
    else if (r.overtimePay === null) unknown.push(`overtime pay for ${fmt(ot)} h is not entered`);
    else {
      const legalDue = hourly * site.legal.overtimeRate * ot;
      const etiDue = hourly * ETI_OVERTIME_RATE * ot;
      // Half a cent of slack: payslips are rounded to cents.
      if (r.overtimePay + 0.005 < legalDue) {
        fails.push(`overtime pay ${money(r.overtimePay)} for ${fmt(ot)} h is below the ${money(legalDue)} due (${money(hourly)} × ${fmt(site.legal.overtimeRate)} × ${fmt(ot)} h)`);
      } else if (r.overtimePay + 0.005 < etiDue) {
        const paid = r.overtimePay / (hourly * ot);
        fails.push(`overtime was paid at ×${fmt(paid)}, below the premium of at least ×${fmt(ETI_OVERTIME_RATE)} (ETI 6.3): ${money(etiDue)} for ${fmt(ot)} h`);
      }
    }
  }
  const night = r.nightHours ?? 0;
  const rate = site.legal.nightRate;
  if (night > 0 && rate !== null) {
    if (hourly === null) unknown.push('regular hours are needed to check the night differential');
    else if (r.nightPay === null || r.nightPay === undefined) unknown.push(`the night differential paid for ${fmt(night)} h is not entered`);
    else {
      const due = hourly * (rate - 1) * night;
      if (r.nightPay + 0.005 < due) {
        fails.push(`night differential ${money(r.nightPay)} for ${fmt(night)} h is below the ${money(due)} due (${money(hourly)} × ${fmt(rate - 1)} × ${fmt(night)} h)`);
      }
    }
  }
  if (r.recordedHours !== null && r.recordedHours !== undefined && r.regularHours !== null) {
    const paid = r.regularHours + ot;
    const unpaid = r.recordedHours - paid;
    if (unpaid > 0.005) {
      const value = hourly === null ? '' : ` (worth at least ${money(hourly * unpaid)})`;
      fails.push(`${fmt(unpaid)} h on the time record were not paid: ${fmt(r.recordedHours)} h recorded, ${fmt(paid)} h paid${value}`);
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
  if (r.basePay === null) return { status: 'unknown', incomplete: true, reasons: ['not judged: base pay not entered'] };
  const fails: string[] = [];
  const unknown: string[] = [];
  minimumCheck(r, r.basePay, site, fails, unknown);
  premiumChecks(r, r.basePay, site, fails, unknown);
  const ot = unpaidOt.get(r.worker.trim().toLowerCase());
  if (ot !== undefined) fails.push(`${fmt(ot)} h overtime in the hours sample, but no overtime paid in the wage sample`);
  if (fails.length) return { status: 'fail', reasons: fails };
  return { status: unknown.length ? 'unknown' : 'pass', reasons: unknown };
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
  return combine(rows.map((r, i) => who(r.worker, i)), out, 'sampled pay records', warning ? [warning] : []);
}

/** The legal basis of the wage check as a sentence, for the table and the report. */
export function wageBasisText(site: WageSite): string {
  const l = site.legal;
  const parts = [
    l.minWage === null ? 'Legal minimum wage: not entered' : `Legal minimum wage: ${fmt(l.minWage)} ${site.currency} per ${l.wagePeriod}`,
    `overtime ×${fmt(l.overtimeRate)}${l.overtimeRate < ETI_OVERTIME_RATE ? ` (ETI 6.3 asks at least ×${fmt(ETI_OVERTIME_RATE)}, which applies)` : ''}`,
  ];
  if (l.nightRate !== null) parts.push(`night work ×${fmt(l.nightRate)}`);
  return `${parts.join('; ')}.`;
}
