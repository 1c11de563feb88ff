// The shared checks (the same code the core uses for findings) shaped for
// the live badges next to each row.
import { hoursVerdict, numberVerdict, wageVerdict, type HoursLimits, type WageSite } from '../../../shared/checks';
import type { HoursRow, WageRow } from '../../../shared/domain/response';
import type { TemplateItem } from '../../../shared/template/schema';

export type Level = 'pass' | 'warn' | 'fail' | 'unknown';
export interface RowVerdict { level: Level; reasons: string[] }

export function hoursRowVerdicts(rows: readonly HoursRow[], limits: HoursLimits): RowVerdict[] {
  return hoursVerdict(rows, limits).rows.map((r) => ({ level: r.status, reasons: r.reasons }));
}

export function wageRowVerdicts(rows: readonly WageRow[], site: WageSite): RowVerdict[] {
  return wageVerdict(rows, site).rows.map((r) => ({ level: r.status, reasons: r.reasons }));
}

type NumberItem = Extract<TemplateItem, { kind: 'number' }>;

export function numberItemVerdict(item: NumberItem, value: number): RowVerdict {
  const t = item.thresholds;
  const limits = [
    t.failBelow !== undefined && `minimum ${t.failBelow} ${item.unit}`,
    t.failAbove !== undefined && `limit ${t.failAbove} ${item.unit}`,
    t.warnBelow !== undefined && `recommended at least ${t.warnBelow} ${item.unit}`,
    t.warnAbove !== undefined && `action level ${t.warnAbove} ${item.unit}`,
  ].filter((x): x is string => Boolean(x));
  const level = numberVerdict(item, value);
  return { level, reasons: level === 'pass' ? [] : limits };
}
