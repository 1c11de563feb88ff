import { describe, expect, it } from 'vitest';
import { hoursVerdict as hoursCheck, itemFinding, numberReason, numberVerdict, wageVerdict as wageCheck, type HoursLimits, type WageSite } from '../../../shared/checks';
import { LegalProfile } from '../../../shared/domain/legal-profile';
import type { HoursRow, WageRow } from '../../../shared/domain/response';
import { TemplateItem } from '../../../shared/template/schema';

const week = (over: Partial<HoursRow> = {}): HoursRow => ({ worker: 'W1', weekStart: '2026-11-02', contracted: 48, overtime: 12, daysWorked: 6, voluntary: true, ...over });
const pay = (over: Partial<WageRow> = {}): WageRow => ({ worker: 'P1', period: 'month', basePay: 12000, regularHours: 160, overtimeHours: 10, overtimePay: 937.5, ...over });
const monthly: WageSite = { currency: 'PHP', legal: LegalProfile.parse({ minWage: 12000, wagePeriod: 'month', overtimeRate: 1.25 }) };
const hourly: WageSite = { currency: 'INR', legal: LegalProfile.parse({ minWage: 60, wagePeriod: 'hour', overtimeRate: 1.5 }) };
// These cases are about the rules, not the sample's size: a sample of one is enough.
const hoursVerdict = (rows: HoursRow[], limits?: HoursLimits) => hoursCheck(rows, limits, { minSample: 1 });
const wageVerdict = (rows: WageRow[], site: WageSite) => wageCheck(rows, site, { minSample: 1 });

const base = { prompt: 'Prompt', guidance: 'Guidance text', evidence: ['Records'], references: [{ standard: 'ETI', clause: '6' }] };
const parseItem = (x: Record<string, unknown>) => TemplateItem.parse({ ...base, ...x });

describe('hoursVerdict (ETI 6 limits)', () => {
  it('passes a week exactly on every limit: 48 contracted, 60 total, 6 days', () => {
    expect(hoursVerdict([week()])).toMatchObject({ status: 'pass', rows: [{ status: 'pass', reasons: [] }], failedRows: 0, incompleteRows: 0, warnings: [], reasons: [] });
  });

  it('fails 48.5 contracted hours', () => {
    const v = hoursVerdict([week({ contracted: 48.5, overtime: 0 })]);
    expect(v.status).toBe('fail');
    expect(v.rows[0]?.reasons).toEqual(['contracted 48.5 h is above the 48 h limit']);
  });

  it('fails 60.5 hours in 7 days and shows the sum', () => {
    const v = hoursVerdict([week({ overtime: 12.5 })]);
    expect(v.rows[0]?.reasons).toEqual(['60.5 h worked in 7 days (48 + 12.5 overtime) is above the 60 h limit']);
  });

  it('fails 7 days worked (no day off in 7) but not 6', () => {
    expect(hoursVerdict([week({ daysWorked: 7 })]).rows[0]?.reasons).toEqual(['worked 7 days in 7: no day off in 7']);
    expect(hoursVerdict([week({ daysWorked: 6 })]).status).toBe('pass');
  });

  it('fails involuntary overtime, but ignores the flag when no overtime was worked', () => {
    expect(hoursVerdict([week({ overtime: 2, voluntary: false })]).rows[0]?.reasons).toEqual(['2 h overtime was not voluntary']);
    expect(hoursVerdict([week({ overtime: 0, voluntary: false })]).status).toBe('pass');
  });

  it('lists every breach of a row and summarises the sample with worker names', () => {
    const v = hoursVerdict([week(), week({ worker: 'Ana', contracted: 50, overtime: 14, daysWorked: 7, voluntary: false }), week({ worker: '' , daysWorked: 7 })]);
    expect(v.status).toBe('fail');
    expect(v.failedRows).toBe(2);
    expect(v.rows[1]?.reasons).toHaveLength(4);
    expect(v.reasons[0]).toBe('2 of 3 sampled weeks breach the rules');
    expect(v.reasons).toContain('Ana: 64 h worked in 7 days (50 + 14 overtime) is above the 60 h limit');
    expect(v.reasons).toContain('row 3: worked 7 days in 7: no day off in 7');
  });

  it('uses the limits of the item', () => {
    expect(hoursVerdict([week({ contracted: 44, overtime: 0 })], { contracted: 40, total: 60, maxDaysWorked: 6 }).rows[0]?.reasons).toEqual(['contracted 44 h is above the 40 h limit']);
  });

  it('passes an empty sample (scoring treats it as unanswered)', () => {
    expect(hoursVerdict([]).status).toBe('pass');
  });
});

describe('wageVerdict', () => {
  it('passes monthly pay at the monthly minimum with overtime at exactly 125 %', () => {
    // hourly = 12000 / 160 = 75; overtime due = 75 × 1.25 × 10 = 937.50
    expect(wageVerdict([pay()], monthly).status).toBe('pass');
  });

  it('fails overtime pay one cent short of the premium', () => {
    const v = wageVerdict([pay({ overtimePay: 937.49 })], monthly);
    expect(v.status).toBe('fail');
    expect(v.rows[0]?.reasons).toEqual(['overtime pay 937.49 PHP for 10 h is below the 937.5 PHP due (75 PHP × 1.25 × 10 h)']);
  });

  it('fails a base salary one cent under the monthly minimum', () => {
    expect(wageVerdict([pay({ basePay: 11999.99, overtimeHours: 0, overtimePay: 0 })], monthly).rows[0]?.reasons).toEqual([
      'base pay 11999.99 PHP per month is below the legal minimum of 12000 PHP per month',
    ]);
  });

  it('compares an hourly rate with the hourly equivalent of a monthly minimum, whatever the hours worked', () => {
    // 12000 over the ETI week of 48 h × 52 / 12 = 208 h is 57.69 an hour: a part-timer at 58 is paid enough.
    expect(wageVerdict([pay({ period: 'hour', basePay: 58, regularHours: 80, overtimeHours: 0, overtimePay: 0 })], monthly).status).toBe('pass');
    expect(wageVerdict([pay({ period: 'hour', basePay: 57, overtimeHours: 0, overtimePay: 0 })], monthly).rows[0]?.reasons).toEqual([
      'base pay 57 PHP per hour is below 57.69 PHP, the hourly equivalent of the legal minimum (12000 PHP per month over the ETI week of 48 h × 52 / 12)',
    ]);
    expect(wageVerdict([pay({ period: 'hour', basePay: 58, regularHours: 0, overtimeHours: 0, overtimePay: 0 })], monthly).status).toBe('pass');
  });

  it('compares a monthly salary with an hourly minimum via the regular hours', () => {
    // 9600 / 160 = 60 per hour: exactly the minimum; 9599 / 160 = 59.99 is below
    expect(wageVerdict([pay({ basePay: 9600, overtimeHours: 0, overtimePay: 0 })], hourly).status).toBe('pass');
    expect(wageVerdict([pay({ basePay: 9599, overtimeHours: 0, overtimePay: 0 })], hourly).status).toBe('fail');
    // Without regular hours a salary stands for full time: 208 h × 60 = 12480 due.
    expect(wageVerdict([pay({ basePay: 9600, regularHours: 0, overtimeHours: 0, overtimePay: 0 })], hourly).rows[0]?.reasons).toEqual([
      'base pay 9600 INR per month is below 12480 INR, 208 h at the hourly equivalent of the legal minimum (60 INR per hour)',
    ]);
  });

  it('checks an hourly rate with a 150 % premium', () => {
    // due = 60 × 1.5 × 4 = 360
    expect(wageVerdict([pay({ period: 'hour', basePay: 60, overtimeHours: 4, overtimePay: 360 })], hourly).status).toBe('pass');
    expect(wageVerdict([pay({ period: 'hour', basePay: 60, overtimeHours: 4, overtimePay: 300 })], hourly).status).toBe('fail');
    expect(wageVerdict([pay({ period: 'hour', basePay: 59.5, overtimeHours: 0, overtimePay: 0 })], hourly).status).toBe('fail');
  });

  it('cannot judge the minimum without one for the site, but still checks overtime', () => {
    const none: WageSite = { ...monthly, legal: { ...monthly.legal, minWage: null } };
    const v = wageVerdict([pay()], none);
    expect(v.status).toBe('unknown');
    expect(v.reasons).toEqual(['P1: no legal minimum wage is entered for the site']);
    expect(wageVerdict([pay({ overtimePay: 100 })], none).status).toBe('fail');
  });

  it('fails the sample when any row fails', () => {
    const v = wageVerdict([pay(), pay({ worker: 'Ben', basePay: 10000, overtimeHours: 0, overtimePay: 0 })], monthly);
    expect(v.status).toBe('fail');
    expect(v.failedRows).toBe(1);
    expect(v.reasons[0]).toBe('1 of 2 sampled pay records breach the rules');
  });
});

describe('numberVerdict', () => {
  const noise = parseItem({ id: 'n', kind: 'number', unit: 'dB(A)', thresholds: { warnAbove: 60, failAbove: 80 } });
  const lux = parseItem({ id: 'l', kind: 'number', unit: 'lx', thresholds: { failBelow: 300, warnBelow: 500 } });
  it.each([
    [60, 'pass'], [60.1, 'warn'], [80, 'warn'], [80.1, 'fail'],
  ] as const)('noise %d dB(A) → %s', (v, want) => {
    if (noise.kind !== 'number') throw new Error('kind');
    expect(numberVerdict(noise, v)).toBe(want);
  });
  it.each([
    [299.9, 'fail'], [300, 'warn'], [499, 'warn'], [500, 'pass'],
  ] as const)('lighting %d lx → %s', (v, want) => {
    if (lux.kind !== 'number') throw new Error('kind');
    expect(numberVerdict(lux, v)).toBe(want);
  });
});

describe('numberReason', () => {
  it('names the limit a reading crossed', () => {
    const temp = parseItem({ id: 't', kind: 'number', unit: '°C', thresholds: { failBelow: 16, warnBelow: 20, warnAbove: 26, failAbove: 30 } });
    if (temp.kind !== 'number') throw new Error('kind');
    expect(numberReason(temp, 31)).toBe('31 °C is above the limit of 30 °C');
    expect(numberReason(temp, 15)).toBe('15 °C is below the minimum of 16 °C');
    expect(numberReason(temp, 27)).toBe('27 °C is above the action level of 26 °C');
    expect(numberReason(temp, 19)).toBe('19 °C is below the recommended 20 °C');
    expect(numberReason(temp, 23)).toBe('23 °C is within limits');
  });
});

describe('itemFinding', () => {
  const comp = parseItem({ id: 'c', kind: 'compliance', prompt: 'Fire exits are unlocked' });
  const num = parseItem({ id: 'n', kind: 'number', prompt: 'Noise', unit: 'dB(A)', thresholds: { failAbove: 80 } });
  const hrs = parseItem({ id: 'h', kind: 'hours', prompt: 'Hours sample' });
  const wage = parseItem({ id: 'w', kind: 'wage', prompt: 'Wage sample' });
  const choice = parseItem({ id: 'ch', kind: 'choice', prompt: 'Time records', options: [{ value: 'ok', label: 'Electronic' }, { value: 'none', label: 'None', finding: true }] });
  const text = parseItem({ id: 't', kind: 'text' });

  it('raises the auditor’s non-compliance with its note and chosen severity', () => {
    expect(itemFinding(comp, { value: { kind: 'compliance', answer: 'non_compliant' }, note: 'Exit 2 chained', severity: 'critical' }, monthly)).toEqual({
      summary: 'Exit 2 chained',
      source: 'answer',
      severity: 'critical',
    });
    expect(itemFinding(comp, { value: { kind: 'compliance', answer: 'non_compliant' } }, monthly)).toEqual({ summary: 'Fire exits are unlocked', source: 'answer', severity: null });
    for (const answer of ['compliant', 'observation', 'good_practice', 'not_applicable'] as const) {
      expect(itemFinding(comp, { value: { kind: 'compliance', answer } }, monthly)).toBeNull();
    }
  });

  it('raises computed breaches as checks, major unless the auditor chose a severity', () => {
    expect(itemFinding(num, { value: { kind: 'number', value: 85 } }, monthly)).toMatchObject({ summary: 'Noise — 85 dB(A) is above the limit of 80 dB(A)', source: 'check', severity: 'major' });
    expect(itemFinding(num, { value: { kind: 'number', value: 85 }, severity: 'minor' }, monthly)?.severity).toBe('minor');
    expect(itemFinding(num, { value: { kind: 'number', value: 80 } }, monthly)).toBeNull();
    const h = itemFinding(hrs, { value: { kind: 'hours', rows: [week({ daysWorked: 7 })] } }, monthly);
    expect(h).toMatchObject({
      summary: 'Hours sample — 1 of 1 sampled weeks breach the rules; W1: worked 7 days in 7: no day off in 7; Only 1 worker sampled: the template asks for at least 10, so the result may not represent the workforce.',
      source: 'check', severity: 'major',
    });
    expect(itemFinding(hrs, { value: { kind: 'hours', rows: [week()] } }, monthly)).toBeNull();
    expect(itemFinding(wage, { value: { kind: 'wage', rows: [pay({ basePay: 100, overtimeHours: 0 })] } }, monthly)?.source).toBe('check');
    expect(itemFinding(wage, { value: { kind: 'wage', rows: [pay()] } }, monthly)).toBeNull();
  });

  it('raises a choice option flagged as a finding', () => {
    expect(itemFinding(choice, { value: { kind: 'choice', selected: ['none'] }, note: 'paper only' }, monthly)).toEqual({ summary: 'Time records — None: paper only', source: 'answer', severity: null });
    expect(itemFinding(choice, { value: { kind: 'choice', selected: ['ok'] } }, monthly)).toBeNull();
  });

  it('raises nothing for text, empty answers or a value of another kind', () => {
    expect(itemFinding(text, { value: { kind: 'text', text: 'anything' } }, monthly)).toBeNull();
    expect(itemFinding(comp, { value: null }, monthly)).toBeNull();
    expect(itemFinding(comp, undefined, monthly)).toBeNull();
    expect(itemFinding(num, { value: { kind: 'compliance', answer: 'non_compliant' } }, monthly)).toBeNull();
  });
});
