// Live verdicts for the computed checks, shown next to each row as it is typed.
import type { HoursRow, WageRow } from '../../../shared/domain/response';
import type { Site } from '../../../shared/domain/site';

export type Level = 'ok' | 'warn' | 'fail';
export interface RowVerdict { level: Level; reasons: string[] }

export interface HoursLimits { contracted: number; total: number; maxDaysWorked: number }

export function hoursRowVerdict(row: HoursRow, limits: HoursLimits): RowVerdict {
  const reasons: string[] = [];
  const total = row.contracted + row.overtime;
  if (row.contracted > limits.contracted) reasons.push(`contracted ${row.contracted} h > ${limits.contracted} h`);
  if (total > limits.total) reasons.push(`total ${total} h > ${limits.total} h`);
  if (row.daysWorked > limits.maxDaysWorked) reasons.push(`${row.daysWorked} days worked: no day off in 7`);
  if (row.overtime > 0 && !row.voluntary) reasons.push('overtime not voluntary');
  return { level: reasons.length ? 'fail' : 'ok', reasons };
}

export function wageRowVerdict(row: WageRow, site: Pick<Site, 'minWage' | 'minWagePeriod' | 'overtimeRate'>): RowVerdict {
  const reasons: string[] = [];
  if (site.minWage === null) return { level: 'warn', reasons: ['no legal minimum wage set for the site'] };
  const hourly = row.period === 'hour' ? row.basePay : row.regularHours > 0 ? row.basePay / row.regularHours : NaN;
  if (row.period === site.minWagePeriod) {
    if (row.basePay < site.minWage) reasons.push(`base pay below legal minimum ${site.minWage}`);
  } else if (site.minWagePeriod === 'hour' && Number.isFinite(hourly) && hourly < site.minWage) {
    reasons.push(`hourly rate ${hourly.toFixed(2)} below legal minimum ${site.minWage}`);
  }
  if (row.overtimeHours > 0 && Number.isFinite(hourly)) {
    const due = row.overtimeHours * hourly * site.overtimeRate;
    if (row.overtimePay + 0.005 < due) reasons.push(`overtime paid ${row.overtimePay} < due ${due.toFixed(2)}`);
  }
  return { level: reasons.length ? 'fail' : 'ok', reasons };
}

export interface Thresholds { failBelow?: number | undefined; warnBelow?: number | undefined; warnAbove?: number | undefined; failAbove?: number | undefined }

export function numberVerdict(value: number, t: Thresholds): RowVerdict {
  if (t.failBelow !== undefined && value < t.failBelow) return { level: 'fail', reasons: [`below ${t.failBelow}`] };
  if (t.failAbove !== undefined && value > t.failAbove) return { level: 'fail', reasons: [`above ${t.failAbove}`] };
  if (t.warnBelow !== undefined && value < t.warnBelow) return { level: 'warn', reasons: [`below ${t.warnBelow}`] };
  if (t.warnAbove !== undefined && value > t.warnAbove) return { level: 'warn', reasons: [`above ${t.warnAbove}`] };
  return { level: 'ok', reasons: [] };
}
