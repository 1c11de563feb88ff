// Plausible answers for any template item, honouring its rules, so the
// finalized demo audit has no blockers and the in-progress one looks real.
import type { ResponseValue } from '../../../shared/domain/response';
import type { TemplateItem } from '../../../shared/template/schema';
import { numberVerdict } from '../../../shared/checks';
import { TEXT_ANSWER } from './texts';

type NumberItem = Extract<TemplateItem, { kind: 'number' }>;

function passingNumber(item: NumberItem): number {
  const t = item.thresholds;
  const lows = [t.failBelow, t.warnBelow, item.min].filter((n): n is number => n !== undefined);
  const highs = [t.failAbove, t.warnAbove, item.max].filter((n): n is number => n !== undefined);
  const lo = lows.length ? Math.max(...lows) : undefined;
  const hi = highs.length ? Math.min(...highs) : undefined;
  let v: number;
  if (lo !== undefined && hi !== undefined) v = (lo + hi) / 2;
  else if (lo !== undefined) v = lo + Math.max(1, Math.abs(lo) * 0.1);
  else if (hi !== undefined) v = hi - Math.max(1, Math.abs(hi) * 0.2);
  else v = 1;
  v = Math.round(v * 10) / 10;
  return numberVerdict(item, v) === 'pass' ? v : (lo ?? hi ?? 0);
}

// Ten workers: the template's minimum sample. N-311 works nights.
const workers = ['A-014', 'A-027', 'A-102', 'B-233', 'N-311', 'B-240', 'A-119', 'C-301', 'C-305', 'N-318'];

/** `breach` asks for a value the app's own checks flag (wage, hours, number). */
export function demoValue(item: TemplateItem, breach: boolean): ResponseValue {
  switch (item.kind) {
    case 'compliance':
      return { kind: 'compliance', answer: breach ? 'non_compliant' : 'compliant' };
    case 'number': {
      const v = passingNumber(item);
      const t = item.thresholds;
      if (!breach) return { kind: 'number', value: v };
      const bad = t.failAbove !== undefined ? t.failAbove + Math.max(1, Math.abs(t.failAbove) * 0.1) : t.failBelow !== undefined ? t.failBelow - Math.max(1, Math.abs(t.failBelow) * 0.1) : v;
      return { kind: 'number', value: Math.round(bad * 10) / 10 };
    }
    case 'wage':
      // PHP 600 a day (75 an hour over the legal 8-hour day) against the daily minimum entered for the demo site.
      // The breaches: overtime at ×1 (B-233), night differential short (N-311), 10 h of pre-shift time unpaid
      // (B-240), an hourly part-timer below the hourly equivalent (A-119); N-311's overtime in the hours sample is
      // not paid at all (the cross-check).
      return { kind: 'wage', rows: workers.map((worker, i) => {
        // N-311's pay period holds the 63-hour week of the hours sample (18 h overtime).
        const overtimeHours = breach && i === 4 ? 22 : i % 2 ? 8 : 0;
        const rate = breach && i === 3 ? 1 : 1.25;
        const night = worker.startsWith('N-') ? 80 : 0;
        if (i === 6) return { worker, period: 'hour' as const, basePay: breach ? 60 : 75, regularHours: 80, overtimeHours: 0, overtimePay: 0, recordedHours: 80 };
        return {
          worker, period: 'day' as const, basePay: 600, regularHours: 176, daysWorked: 22, overtimeHours, overtimePay: Math.round(75 * rate * overtimeHours * 100) / 100,
          recordedHours: 176 + overtimeHours + (breach && i === 5 ? 10 : 0), nightHours: night, nightPay: night ? (breach && i === 4 ? 300 : 600) : 0,
        };
      }) };
    case 'hours':
      // N-311's 14-day record: nine days in a row across the week boundary, 66 h in the first week.
      return { kind: 'hours', rows: workers.map((worker, i) => {
        const overtime = breach && i === 4 ? 18 : i % 2 ? 6 : 0;
        const row = { worker, weekStart: '2026-04-27', contracted: 45, overtime, daysWorked: breach && i === 4 ? 7 : 5, voluntary: overtime > 0 ? true : null };
        return breach && i === 4 ? { ...row, days: [10, 10, 9, 9, 9, 9, 7, 9, 9, 0, 8, 8, 0, 0] } : row;
      }) };
    case 'choice': {
      const ok = item.options.find((o) => !o.finding) ?? item.options[0]!;
      return { kind: 'choice', selected: [ok.value] };
    }
    case 'text':
      return { kind: 'text', text: TEXT_ANSWER };
  }
}
