// The wage and hours checks against a site's legal profile, worked by hand:
// pay compared in the worker's own period, premiums, unpaid time, the
// overtime cross-check, 14-day records, incomplete rows and sample size.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hoursVerdict, itemFinding, wageVerdict, type WageSite } from '../../../shared/checks';
import { CountryLegalProfile, LegalProfile } from '../../../shared/domain/legal-profile';
import { HoursRow, type WageRow } from '../../../shared/domain/response';
import { TemplateItem } from '../../../shared/template/schema';

const ph = CountryLegalProfile.parse(JSON.parse(readFileSync(new URL('../../../assets/legal-profiles/PH.json', import.meta.url), 'utf8')));
// The Philippines profile with a daily minimum entered, as the auditor would for the site's region.
const manila: WageSite = { currency: 'PHP', legal: { ...ph.profile, minWage: 695 } };
const one = { minSample: 1 };
const pay = (over: Partial<WageRow> = {}): WageRow => ({ worker: 'P1', period: 'day', basePay: 700, regularHours: 176, daysWorked: 22, overtimeHours: 0, overtimePay: 0, ...over });
const week = (over: Partial<HoursRow> = {}): HoursRow => ({ worker: 'W1', weekStart: '2026-11-02', contracted: 40, overtime: 0, daysWorked: 5, voluntary: null, ...over });
const wageReasons = (r: WageRow, site = manila) => wageVerdict([r], site, one).rows[0]?.reasons;

describe('pay in the worker\'s own period', () => {
  it('compares a daily-rated worker per day worked with the daily minimum', () => {
    expect(wageReasons(pay({ basePay: 690 }))).toEqual(['base pay 690 PHP per day is below the legal minimum of 695 PHP per day']);
    expect(wageVerdict([pay({ basePay: 695 })], manila, one).status).toBe('pass');
  });

  it('compares an hourly part-timer with the hourly equivalent of the daily minimum (695 / 8 h = 86.88)', () => {
    expect(wageReasons(pay({ period: 'hour', basePay: 86, regularHours: 60, daysWorked: null }))).toEqual([
      'base pay 86 PHP per hour is below 86.88 PHP, the hourly equivalent of the legal minimum (695 PHP per day over the legal day of 8 h)',
    ]);
    expect(wageVerdict([pay({ period: 'hour', basePay: 87, regularHours: 60 })], manila, one).status).toBe('pass');
  });

  it('compares a monthly salary by the hours it pays: 15000 for 176 h is 85.23 an hour, below 86.88', () => {
    expect(wageVerdict([pay({ period: 'month', basePay: 15000 })], manila, one).status).toBe('fail');
    expect(wageVerdict([pay({ period: 'month', basePay: 15300 })], manila, one).status).toBe('pass');
  });

  it('says it cannot compare when the profile lacks the legal day', () => {
    const noDay: WageSite = { currency: 'PHP', legal: { ...manila.legal, regularHoursPerDay: null } };
    const v = wageVerdict([pay({ period: 'hour', basePay: 50 })], noDay, one);
    expect(v.status).toBe('unknown');
    expect(v.rows[0]?.reasons).toEqual(['the legal regular hours per day are needed to compare pay per hour with the minimum per day']);
  });
});

describe('premiums and unpaid time', () => {
  it('flags overtime paid below ×1.25 (ETI 6.3) even where the law asks less', () => {
    const lax: WageSite = { currency: 'USD', legal: LegalProfile.parse({ wagePeriod: 'hour', minWage: 10, overtimeRate: 1 }) };
    const row = pay({ period: 'hour', basePay: 10, regularHours: 160, overtimeHours: 10, overtimePay: 100 });
    expect(wageReasons(row, lax)).toEqual(['overtime was paid at ×1, below the premium of at least ×1.25 (ETI 6.3): 125 USD for 10 h']);
    expect(wageVerdict([{ ...row, overtimePay: 125 }], lax, one).status).toBe('pass');
  });

  it('computes the night differential due: 10 night hours at 100 an hour × 0.1 = 100', () => {
    const row = pay({ period: 'hour', basePay: 100, regularHours: 160, nightHours: 10 });
    expect(wageReasons({ ...row, nightPay: 99 })).toEqual(['night differential 99 PHP for 10 h is below the 100 PHP due (100 PHP × 0.1 × 10 h)']);
    expect(wageVerdict([{ ...row, nightPay: 100 }], manila, one).status).toBe('pass');
    expect(wageVerdict([{ ...row, nightPay: null }], manila, one).status).toBe('unknown');
  });

  it('finds time on the record that was not paid', () => {
    // 700 a day over 8 h is 87.5 an hour: 10 h unpaid are worth 875.
    expect(wageReasons(pay({ recordedHours: 186 }))).toEqual(['10 h on the time record were not paid: 186 h recorded, 176 h paid (worth at least 875 PHP)']);
    expect(wageVerdict([pay({ recordedHours: 176 })], manila, one).status).toBe('pass');
  });
});

describe('overtime cross-check between the samples', () => {
  const hours = [week({ worker: 'Ana Cruz', overtime: 6, voluntary: true }), week({ worker: 'Ben' })];
  it('flags a worker with overtime in the hours sample and none paid in the wage sample', () => {
    const v = wageVerdict([pay({ worker: ' ana cruz ' }), pay({ worker: 'Ben' })], manila, { ...one, hours });
    expect(v.rows[0]?.reasons).toEqual(['6 h overtime in the hours sample, but no overtime paid in the wage sample']);
    expect(v.rows[1]?.status).toBe('pass');
  });
  it('passes when the overtime is paid, and ignores workers in one sample only', () => {
    const paid = pay({ worker: 'Ana Cruz', overtimeHours: 6, overtimePay: 6 * 87.5 * 1.25 });
    expect(wageVerdict([paid], manila, { ...one, hours }).status).toBe('pass');
    expect(wageVerdict([pay({ worker: 'Carla' })], manila, { ...one, hours }).status).toBe('pass');
  });
});

describe('14-day records', () => {
  it('flags nine days in a row across the week boundary though each week has five or six', () => {
    const r = week({ days: [0, 0, 8, 8, 8, 8, 8, 8, 8, 8, 8, 0, 0, 0] });
    expect(hoursVerdict([r], undefined, one).rows[0]?.reasons).toEqual(['worked 9 consecutive days (2026-11-04 to 2026-11-12) without a day off']);
  });

  it('flags 70 h in the 7 days straddling two weeks of 30 and 40 h', () => {
    const r = week({ days: [0, 0, 0, 0, 10, 10, 10, 10, 10, 10, 10, 0, 0, 0] });
    expect(hoursVerdict([r], undefined, one).rows[0]?.reasons).toContain('70 h worked in the 7 days from 2026-11-06 is above the 60 h limit');
  });

  it('accepts two days off in 14 only where the law allows it', () => {
    const r = week({ days: [8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 0, 0], daysWorked: 7, contracted: 48, overtime: 8, voluntary: true });
    const allows = { ...LegalProfile.parse({}), twoDaysOffIn14: true };
    expect(hoursVerdict([r], undefined, { ...one, legal: allows }).rows[0]?.status).toBe('pass');
    expect(hoursVerdict([{ ...r, days: [8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 0] }], undefined, { ...one, legal: allows }).rows[0]?.reasons)
      .toEqual(['only 1 day off in the 14 days from 2026-11-02 (two are due in every 14)']);
    // The Philippines requires a rest day after six days (Art. 91): twelve in a row is a breach.
    expect(hoursVerdict([r], undefined, { ...one, legal: ph.profile }).rows[0]?.status).toBe('fail');
  });
});

describe('the law where stricter than ETI', () => {
  it('applies a 40 h legal week and a 10 h legal day', () => {
    const legal = LegalProfile.parse({ regularHoursPerWeek: 40, maxHoursPerDay: 10 });
    const v = hoursVerdict([week({ contracted: 44, days: [12, 8, 8, 8, 8, 0, 0] })], undefined, { ...one, legal });
    expect(v.rows[0]?.reasons).toEqual(['contracted 44 h is above the 40 h legal limit', '12 h worked on 2026-11-02 is above the 10 h legal daily maximum']);
  });
});

describe('incomplete rows and answers not given', () => {
  const hoursItem = TemplateItem.parse({ id: 'h', kind: 'hours', prompt: 'Hours', guidance: 'Guidance', evidence: ['Records'], references: [{ standard: 'ETI', clause: '6' }] });
  const wageItem = TemplateItem.parse({ id: 'w', kind: 'wage', prompt: 'Wages', guidance: 'Guidance', evidence: ['Payslips'], references: [{ standard: 'ETI', clause: '5' }] });

  it('does not judge an empty new row: no breach, no finding', () => {
    const empty: WageRow = { worker: 'W1', period: 'day', basePay: null, regularHours: null, overtimeHours: null, overtimePay: null };
    const v = wageVerdict([empty], manila, one);
    expect(v).toMatchObject({ status: 'unknown', failedRows: 0, incompleteRows: 1, warnings: ['1 row is incomplete and not judged.'] });
    expect(itemFinding(wageItem, { value: { kind: 'wage', rows: [empty] } }, manila)).toBeNull();
    const blank: HoursRow = { worker: 'W1', weekStart: '', contracted: null, overtime: null, daysWorked: null, voluntary: null };
    expect(hoursVerdict([blank], undefined, one)).toMatchObject({ status: 'unknown', failedRows: 0, incompleteRows: 1 });
    expect(itemFinding(hoursItem, { value: { kind: 'hours', rows: [blank] } }, manila)).toBeNull();
  });

  it('treats overtime whose voluntariness is not answered as unknown, not as a breach or a pass', () => {
    const v = hoursVerdict([week({ overtime: 4 })], undefined, one);
    expect(v.rows[0]).toMatchObject({ status: 'unknown', reasons: ['whether the 4 h overtime was voluntary is not answered yet'] });
  });

  it('refuses a week of more than 168 hours and more than 7 days in 7', () => {
    expect(HoursRow.safeParse(week({ contracted: 100, overtime: 100 })).success).toBe(false);
    expect(HoursRow.safeParse(week({ contracted: 200 })).success).toBe(false);
    expect(HoursRow.safeParse(week({ daysWorked: 9 })).success).toBe(false);
    expect(HoursRow.safeParse(week({ contracted: 120, overtime: 48 })).success).toBe(true);
  });
});

describe('sample size', () => {
  const rows = ['A', 'B', 'C', 'D'].map((worker) => week({ worker }));
  it('warns below the template\'s minimum (10 by default) and says so in the finding', () => {
    const v = hoursVerdict(rows);
    expect(v.warnings).toEqual(['Only 4 workers sampled: the template asks for at least 10, so the result may not represent the workforce.']);
    expect(hoursVerdict(rows, undefined, { minSample: 4 }).warnings).toEqual([]);
    const ten = Array.from({ length: 10 }, (_, i) => week({ worker: `W${i}` }));
    expect(hoursVerdict(ten).warnings).toEqual([]);
    // Two weeks of one worker are one worker.
    expect(hoursVerdict([week(), week()], undefined, { minSample: 2 }).warnings[0]).toMatch(/^Only 1 worker sampled/);
  });
  it('uses the minimum the template item sets', () => {
    const item = TemplateItem.parse({ id: 'h', kind: 'hours', minSample: 5, prompt: 'Hours', guidance: 'Guidance', evidence: ['Records'], references: [{ standard: 'ETI', clause: '6' }] });
    const f = itemFinding(item, { value: { kind: 'hours', rows: [...rows.slice(1), week({ worker: 'E', daysWorked: 7 })] } }, manila);
    expect(f?.summary).toMatch(/Only 4 workers sampled: the template asks for at least 5/);
  });
});
