// Hand-worked rating cases: every expected grade below is worked out in the
// comment beside it from the built-in scheme (A ≥ 86 %, B ≥ 71, C ≥ 51,
// D ≥ 30, else E; overall A: ≤ 1 area at B or worse and none at C or worse;
// B: ≤ 2 at C or worse, none at D or worse; C: ≤ 2 at D or worse, none at E;
// D: ≤ 2 at E; else E; critical caps at D, major at C; key item caps its
// area at C; zero tolerance caps at E; samples count by worker).
import { LegalProfile } from '../../../shared/domain/legal-profile';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { WageSite } from '../../../shared/checks';
import type { HoursRow } from '../../../shared/domain/response';
import { gradeForPercent, overallFromAreas } from '../../../shared/rating';
import { ratingExplanation } from '../../../shared/rating-explanation';
import { itemBlockers, scoreAudit, type ScoredResponse } from '../../../shared/scoring';
import { Template, templateItems, type RatingScheme, type TemplateInput } from '../../../shared/template/schema';
import { validateTemplate } from '../../../shared/template/validate';
import { checkTemplate } from '../../../electron/core/template-file';

const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const parsed = (rel: string): Template => {
  const v = validateTemplate(read(rel));
  if (!v.ok) throw new Error(v.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return v.template;
};
const builtIn = parsed('../../../assets/templates/bpo-ethical-compliance.json');
const scheme = builtIn.rating!;
const passFail = parsed('../../fixtures/templates/pass-fail.json');

const site: WageSite = { currency: 'PHP', legal: LegalProfile.parse({ wagePeriod: 'month', minWage: 12000, overtimeRate: 1.25 }) };
const common = { guidance: 'Guidance text', evidence: ['Records'], references: [{ standard: 'ETI' as const, clause: '1' }] };
const comp = (id: string, extra: object = {}) => ({ ...common, id, kind: 'compliance' as const, prompt: `Item ${id}`, severity: 'minor' as const, ...extra });

/** Sections of n compliance items each; ids `<section>.<k>`. */
function build(sizes: number[], extra: Partial<TemplateInput> = {}, items: Record<string, object> = {}): Template {
  return Template.parse({
    schema: 'fairsite.template/1', key: 't', version: '1.0.0', name: 'T', rating: scheme,
    sections: sizes.map((n, s) => ({
      id: `s${s}`, title: `Area ${s}`,
      items: Array.from({ length: n }, (_, k) => comp(`s${s}.${k}`, items[`s${s}.${k}`] ?? {})),
    })),
    ...extra,
  });
}
const ok = (itemId: string): ScoredResponse => ({ itemId, value: { kind: 'compliance', answer: 'compliant' } });
const nc = (itemId: string, extra: Partial<ScoredResponse> = {}): ScoredResponse => ({ itemId, value: { kind: 'compliance', answer: 'non_compliant' }, note: 'seen', ...extra });
/** Answers for area s: the first `good` of n compliant, the rest non-compliant (minor by default). */
const area = (s: number, n: number, good: number, extra: Partial<ScoredResponse> = {}): ScoredResponse[] =>
  Array.from({ length: n }, (_, k) => (k < good ? ok(`s${s}.${k}`) : nc(`s${s}.${k}`, extra)));

describe('area grades at the band edges', () => {
  it.each([
    [100, 'A'], [86, 'A'], [85.99, 'B'], [71, 'B'], [70.99, 'C'], [51, 'C'], [50.99, 'D'], [30, 'D'], [29.99, 'E'], [0, 'E'],
  ] as const)('%d %% → %s', (p, g) => expect(gradeForPercent(scheme, p).band).toBe(g));

  it('grades 43 of 50 met (86 %) A and 6 of 7 (85.71 %) B through the whole scoring', () => {
    const r = scoreAudit(build([50, 7]), [...area(0, 50, 43), ...area(1, 7, 6)], site);
    expect(r.sections.map((s) => [s.percent, s.band?.band])).toEqual([[86, 'A'], [85.71, 'B']]);
  });
});

describe('overall grade from the area grades', () => {
  it.each([
    [['A', 'A', 'A'], 'A'], // nothing below A
    [['A', 'A', 'B'], 'A'], // one area at B is allowed for A
    [['A', 'B', 'B'], 'B'], // two at B or worse: not A; none at C → B
    [['B', 'C', 'C'], 'B'], // two at C or worse, none at D → B
    [['B', 'C', 'C', 'C'], 'C'], // three at C or worse: not B; none at D or E → C
    [['A', 'A', 'D'], 'C'], // a D rules out B; one D, no E → C
    [['A', 'D', 'D', 'D'], 'D'], // three at D or worse: not C; no E → D
    [['A', 'A', 'E'], 'D'], // an E rules out C; one E ≤ 2 → D
    [['E', 'E', 'E'], 'E'], // three at E: not D → E
  ] as const)('%j → %s', (areas, g) => expect(overallFromAreas(scheme, areas).band).toBe(g));
});

describe('caps', () => {
  it('a site with every area at A but one critical finding rates D', () => {
    // Area 0: 19 of 20 met = 95 % → A; area 1: 10 of 10 → A; overall A, capped at D by the critical.
    const r = scoreAudit(build([20, 10]), [...area(0, 20, 19, { severity: 'critical' }), ...area(1, 10, 10)], site);
    expect(r.sections.map((s) => s.band?.band)).toEqual(['A', 'A']);
    expect(r.areaGrade).toBe('A');
    expect(r.band.band).toBe('D');
    expect(r.caps).toMatchObject([{ grade: 'D', reason: 'a critical finding caps the overall grade at D' }]);
  });

  it('one major finding caps at C; minor findings alone cap nothing', () => {
    expect(scoreAudit(build([20]), area(0, 20, 19, { severity: 'major' }), site).band.band).toBe('C');
    expect(scoreAudit(build([20]), area(0, 20, 19, { severity: 'minor' }), site).band.band).toBe('A');
  });

  it('a cap never raises a grade: areas at E stay E under a major', () => {
    // 2 of 10 met = 20 % → E in every area; three E → overall E.
    const r = scoreAudit(build([10, 10, 10]), [...area(0, 10, 2, { severity: 'major' }), ...area(1, 10, 2), ...area(2, 10, 2)], site);
    expect(r.band.band).toBe('E');
  });

  it('a key item not met caps its area at C though the area is 95 % met', () => {
    // Area 0: 19 of 20 = 95 % → A, but s0.19 is a key item → C. Area 1: A. Overall: one C, no D → B (minor severity: no finding cap).
    const t = build([20, 10], {}, { 's0.19': { key: true } });
    const r = scoreAudit(t, [...area(0, 20, 19), ...area(1, 10, 10)], site);
    expect(r.sections[0]).toMatchObject({ percent: 95, band: { band: 'C' }, caps: [{ grade: 'C', reason: 'key item not met: Item s0.19' }] });
    expect(r.band.band).toBe('B');
  });

  it('the issue’s example: every answer good but four critical breaches (passports kept, recruitment fees, locked exit, card numbers in recordings) no longer rates A', () => {
    const items = templateItems(builtIn).map((x) => x.item);
    const bad = new Set(['lab.id-documents', 'lab.deposits-fees', 'hs.fire-exits', 'sec.call-recording']);
    const rs = items.map((item): ScoredResponse => {
      if (bad.has(item.id)) return nc(item.id);
      switch (item.kind) {
        case 'compliance': return ok(item.id);
        case 'number': return { itemId: item.id, value: { kind: 'number', value: item.unit === 'lx' ? 500 : item.unit === '°C' ? 23 : 70 } };
        case 'choice': return { itemId: item.id, value: { kind: 'choice', selected: [item.options.find((o) => !o.finding)!.value] } };
        case 'hours': return { itemId: item.id, value: { kind: 'hours', rows: [week('W1')] } };
        case 'wage': return { itemId: item.id, value: { kind: 'wage', rows: [{ worker: 'P1', period: 'month', basePay: 15000, regularHours: 160, overtimeHours: 0, overtimePay: 0 }] } };
        case 'text': return { itemId: item.id, value: { kind: 'text', text: 'Summary' } };
      }
    });
    const r = scoreAudit(builtIn, rs, site);
    // All four default to critical (no severity chosen): the counts say so, and the critical cap alone is D.
    expect(r.counts.critical).toBe(4);
    // Three are zero-tolerance items: their alerts cap the grade at E.
    expect(r.zeroToleranceAlerts?.map((a) => a.itemId).sort()).toEqual(['hs.fire-exits', 'lab.deposits-fees', 'lab.id-documents']);
    expect(r.band.band).toBe('E');
    expect(r.percent).toBeGreaterThan(90); // the compliance rate alone would still read as A
  });
});

describe('zero tolerance', () => {
  const t = build([10, 10], {}, { 's0.9': { zeroTolerance: true, severity: 'critical', prompt: 'No child labour' } });

  it('a zero-tolerance item answered non-compliant raises an alert with what, where and the notification duty, and caps at E', () => {
    const r = scoreAudit(t, [...area(0, 10, 9, { note: 'A 14-year-old in the canteen' }), ...area(1, 10, 10)], site);
    expect(r.zeroTolerance).toBe(true);
    expect(r.zeroToleranceAlerts).toEqual([{
      itemId: 's0.9', sectionId: 's0', sectionTitle: 'Area 0', prompt: 'No child labour', summary: 'A 14-year-old in the canteen',
      flaggedBy: 'template', notice: scheme.zeroTolerance.notice,
    }]);
    expect(r.band.band).toBe('E');
  });

  it('the auditor’s flag counts only on a non-compliant answer: a stale flag on “not applicable” raises nothing', () => {
    const stale: ScoredResponse = { itemId: 's1.0', value: { kind: 'compliance', answer: 'not_applicable' }, zeroTolerance: true };
    const r = scoreAudit(t, [...area(0, 10, 10), stale, ...area(1, 10, 10).slice(1)], site);
    expect(r.zeroTolerance).toBe(false);
    expect(r.band.band).toBe('A');
    const flagged = scoreAudit(t, [...area(0, 10, 10), nc('s1.0', { zeroTolerance: true, severity: 'major' }), ...area(1, 10, 10).slice(1)], site);
    expect(flagged.zeroToleranceAlerts?.map((a) => [a.itemId, a.flaggedBy])).toEqual([['s1.0', 'auditor']]);
  });
});

const week = (worker: string, overtime = 4): HoursRow => ({ worker, weekStart: '', contracted: 40, overtime, daysWorked: 5, voluntary: true });

describe('samples count by worker', () => {
  const t = Template.parse({
    schema: 'fairsite.template/1', key: 't', version: '1.0.0', name: 'T', rating: scheme,
    sections: [{ id: 'w', title: 'Hours', items: [...Array.from({ length: 5 }, (_, k) => comp(`c${k}`)), { ...common, id: 'h', kind: 'hours', prompt: 'Hours', severity: 'major' }] }],
  });
  const compliant = Array.from({ length: 5 }, (_, k) => ok(`c${k}`));
  const rows = (bad: number) => Array.from({ length: 10 }, (_, k) => week(`W${k}`, k < bad ? 30 : 4)); // 40 + 30 = 70 h > 60

  it('3 of 10 sampled workers over 60 h: (5 items + 7 workers) ÷ 15 = 80 % → B', () => {
    const r = scoreAudit(t, [...compliant, { itemId: 'h', value: { kind: 'hours', rows: rows(3) } }], site);
    expect(r.sections[0]).toMatchObject({ compliant: 12, nonCompliant: 3, percent: 80, band: { band: 'B' }, findings: 1 });
  });

  it('10 of 10 over 60 h: 5 ÷ 15 = 33.33 % → D, where counting the sample once would give 5 ÷ 6 = 83.33 %', () => {
    const r = scoreAudit(t, [...compliant, { itemId: 'h', value: { kind: 'hours', rows: rows(10) } }], site);
    expect(r.sections[0]).toMatchObject({ percent: 33.33, band: { band: 'D' } });
    const once = Template.parse({ ...t, rating: { ...scheme, samples: 'item' } });
    expect(scoreAudit(once, [...compliant, { itemId: 'h', value: { kind: 'hours', rows: rows(10) } }], site).sections[0]?.percent).toBe(83.33);
  });

  it('a wage row that cannot be judged counts for neither side', () => {
    const wt = Template.parse({ ...t, sections: [{ ...t.sections[0]!, items: [...t.sections[0]!.items.slice(0, 5), { ...common, id: 'h', kind: 'wage', prompt: 'Wages' }] }] });
    const low = { worker: 'L', period: 'month' as const, basePay: 10000, regularHours: 160, overtimeHours: 0, overtimePay: 0 };
    // Above the minimum, but overtime worked with its pay not entered: cannot be judged.
    const unknown = { ...low, worker: 'U', basePay: 13000, overtimeHours: 5, overtimePay: null };
    const r = scoreAudit(wt, [...compliant, { itemId: 'h', value: { kind: 'wage', rows: [low, unknown] } }], site);
    // 5 compliant items, 1 worker below the minimum, 1 unknown: 5 ÷ 6 = 83.33 %.
    expect(r.sections[0]).toMatchObject({ compliant: 5, nonCompliant: 1, percent: 83.33 });
  });
});

describe('default severity and changing it', () => {
  const t = build([3], {}, { 's0.0': { severity: 'major' } });

  it('a non-compliance without a chosen severity counts at the item’s default', () => {
    const r = scoreAudit(t, [nc('s0.0'), ok('s0.1'), ok('s0.2')], site);
    expect(r.counts).toEqual({ critical: 0, major: 1, minor: 0 });
    expect(r.band.band).toBe('C'); // 2 ÷ 3 = 66.67 % → C area, overall C; major cap C
  });

  it('a severity other than the default needs a note saying why', () => {
    const item = t.sections[0]!.items[0]!;
    expect(itemBlockers(item, { value: { kind: 'compliance', answer: 'non_compliant' }, severity: 'minor', note: '' }, site).map((b) => b.message))
      .toEqual(['Write a note for “Item s0.0” saying why it is minor, not major as the template grades it']);
    expect(itemBlockers(item, { value: { kind: 'compliance', answer: 'non_compliant' }, severity: 'minor', note: 'Isolated, fixed during the visit' }, site)).toEqual([]);
  });
});

describe('an SA8000-style pass/fail scheme is only a template change', () => {
  const ids = templateItems(passFail).map((x) => x.item.id);
  const all = (answer: (id: string) => ScoredResponse) => ids.map(answer);

  it('passes with minor findings only', () => {
    const r = scoreAudit(passFail, all((id) => (id === 'pf.records' ? nc(id, { severity: 'minor' }) : ok(id))), site);
    expect(r.band.band).toBe('Pass');
  });

  it('fails on one major, and on a zero-tolerance item, whatever the compliance rate', () => {
    expect(scoreAudit(passFail, all((id) => (id === 'pf.records' ? nc(id, { severity: 'major' }) : ok(id))), site).band.band).toBe('Fail');
    const zt = scoreAudit(passFail, all((id) => (id === 'pf.child-labour' ? nc(id) : ok(id))), site);
    expect([zt.band.band, zt.zeroTolerance]).toEqual(['Fail', true]);
  });

  it('explains itself from its own data', () => {
    const text = ratingExplanation(passFail.rating, []);
    expect(text).toContain('Rated by the SA8000-style pass/fail scheme.');
    expect(text).toContain('any major finding at Fail');
  });
});

describe('“How this audit was rated”', () => {
  it('describes the built-in scheme from its data', () => {
    const text = ratingExplanation(scheme, []);
    expect(text.replace(/\u00a0/g, ' ')).toContain('A from 86 %, B from 71 %, C from 51 %, D from 30 %, E below 30 %');
    expect(text).toContain('A when at most 1 area is B or worse and no area is C or worse');
    expect(text).toContain('any critical finding at D or worse, any major finding at C or worse');
    expect(text).toContain('each sampled worker counts as one answer');
    expect(text.length).toBeLessThan(1600);
  });

  it('describes the percentage rating of a template without a scheme', () => {
    const legacy = parsed('../../fixtures/templates/bpo-ethical-compliance-1.0.0.json');
    expect(scoreAudit(legacy, [], site).explanation).toMatch(/^Rated by the weighted mean of the section scores/);
  });
});

describe('templates written before the scheme keep their rating and their hash', () => {
  const legacyText = read('../../fixtures/templates/bpo-ethical-compliance-1.0.0.json');

  it('parses to the same content hash as when it was installed', () => {
    const v = checkTemplate(legacyText);
    expect(v.ok && v.hash).toBe('74474b7749686bdbb89ca144366ae2248b5116f1db86f419e406b61bc2d14050');
  });

  it('rates the issue’s four-critical example A, 96 %, as it always did (percentage rating, severity ignored)', () => {
    const legacy = parsed('../../fixtures/templates/bpo-ethical-compliance-1.0.0.json');
    const bad = new Set(['lab.id-documents', 'lab.deposits-fees', 'hs.fire-exits', 'sec.call-recording']);
    const rs = templateItems(legacy).map(({ item }): ScoredResponse => {
      if (bad.has(item.id)) return nc(item.id, { severity: 'critical' });
      if (item.kind === 'compliance') return ok(item.id);
      if (item.kind === 'text') return { itemId: item.id, value: { kind: 'text', text: 'x' } };
      if (item.kind === 'choice') return { itemId: item.id, value: { kind: 'choice', selected: [item.options.find((o) => !o.finding)!.value] } };
      if (item.kind === 'number') return { itemId: item.id, value: { kind: 'number', value: item.unit === 'lx' ? 500 : item.unit === '°C' ? 23 : 55 } };
      if (item.kind === 'hours') return { itemId: item.id, value: { kind: 'hours', rows: [week('W')] } };
      return { itemId: item.id, value: { kind: 'wage', rows: [{ worker: 'P', period: 'month', basePay: 15000, regularHours: 160, overtimeHours: 0, overtimePay: 0 }] } };
    });
    const r = scoreAudit(legacy, rs, site);
    expect(r.band.band).toBe('A');
    expect(Math.round(r.percent!)).toBe(96);
    expect(r.zeroToleranceAlerts).toBeUndefined();
  });
});

// Keep the scheme type in use so a schema change that drops a field fails here first.
const _typed: RatingScheme = scheme;
void _typed;
