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

const workers = ['A-014', 'A-027', 'A-102', 'B-233', 'N-311'];

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
      // PHP 75.00 an hour against the Central Visayas minimum entered for the demo site.
      return { kind: 'wage', rows: workers.map((worker, i) => {
        // N-311's pay period holds the 63-hour week of the hours sample (18 h overtime).
        const overtimeHours = breach && i === 4 ? 22 : i % 2 ? 8 : 0;
        const rate = breach && i === 3 ? 1 : 1.25;
        return { worker, period: 'hour' as const, basePay: 75, regularHours: 176, overtimeHours, overtimePay: Math.round(75 * rate * overtimeHours * 100) / 100 };
      }) };
    case 'hours':
      return { kind: 'hours', rows: workers.map((worker, i) => ({
        worker, weekStart: '2026-04-27', contracted: 45, overtime: breach && i === 4 ? 18 : i % 2 ? 6 : 0,
        daysWorked: breach && i === 4 ? 7 : 5, voluntary: true,
      })) };
    case 'choice': {
      const ok = item.options.find((o) => !o.finding) ?? item.options[0]!;
      return { kind: 'choice', selected: [ok.value] };
    }
    case 'text':
      return { kind: 'text', text: TEXT_ANSWER };
  }
}
