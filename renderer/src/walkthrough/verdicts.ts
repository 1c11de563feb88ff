// The shared checks (the same code the core uses for findings) shaped for
// the live badges next to each row.
import { hoursVerdict, numberVerdict, wageVerdict, type CheckVerdict, type HoursLimits, type HoursOptions, type WageOptions, type WageSite } from '../../../shared/checks';
import type { HoursRow, WageRow } from '../../../shared/domain/response';
import type { TemplateItem } from '../../../shared/template/schema';

export type Level = 'pass' | 'warn' | 'fail' | 'unknown';
export interface RowVerdict { level: Level; reasons: string[] }

export interface SampleVerdicts { rows: RowVerdict[]; warnings: string[] }

const shaped = (v: CheckVerdict): SampleVerdicts => ({ rows: v.rows.map((r) => ({ level: r.status, reasons: r.reasons })), warnings: v.warnings });

export function hoursRowVerdicts(rows: readonly HoursRow[], limits: HoursLimits, opts: HoursOptions = {}): SampleVerdicts {
  return shaped(hoursVerdict(rows, limits, opts));
}

export function wageRowVerdicts(rows: readonly WageRow[], site: WageSite, opts: WageOptions = {}): SampleVerdicts {
  return shaped(wageVerdict(rows, site, opts));
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
