import { readFileSync } from 'node:fs';
import { LegalProfile } from '../../../shared/domain/legal-profile';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { WageSite } from '../../../shared/checks';
import type { HoursRow, ResponseValue, WageRow } from '../../../shared/domain/response';
import { bandFor, DEFAULT_BANDS, itemBlockers, itemRequirements, NO_SCORE_BAND, scoreAudit, type ScoredResponse } from '../../../shared/scoring';
import { Template, templateItems, type Severity, type TemplateInput } from '../../../shared/template/schema';
import { validateTemplate } from '../../../shared/template/validate';

const site: WageSite = { currency: 'PHP', legal: LegalProfile.parse({ minWage: 12000, wagePeriod: 'month', overtimeRate: 1.25 }) };
const common = { guidance: 'Guidance text', evidence: ['Records'], references: [{ standard: 'ETI' as const, clause: '1' }] };
const comp = (id: string, extra: object = {}) => ({ ...common, id, kind: 'compliance' as const, prompt: `Item ${id}`, ...extra });
const build = (t: Partial<TemplateInput> & Pick<TemplateInput, 'sections'>) =>
  Template.parse({ schema: 'fairsite.template/1', key: 't', version: '1.0.0', name: 'T', ...t });

const answer = (itemId: string, a: 'compliant' | 'non_compliant' | 'not_applicable' | 'observation' | 'good_practice', extra: Partial<ScoredResponse> = {}): ScoredResponse => ({
  itemId,
  value: { kind: 'compliance', answer: a },
  ...(a === 'non_compliant' ? { severity: 'minor' as Severity, note: 'seen on the floor' } : {}),
  ...extra,
});
const value = (itemId: string, v: ResponseValue, extra: Partial<ScoredResponse> = {}): ScoredResponse => ({ itemId, value: v, ...extra });

const okWeek: HoursRow = { worker: 'A', weekStart: '', contracted: 40, overtime: 5, daysWorked: 5, voluntary: true };
const lowPay: WageRow = { worker: 'B', period: 'month', basePay: 10000, regularHours: 160, overtimeHours: 0, overtimePay: 0 };

const mixed = build({
  sections: [
    {
      id: 's1', title: 'Health', weight: 2,
      items: [
        comp('c1'), comp('c2'), comp('c3'), comp('c4'),
        { ...common, id: 'n1', kind: 'number', prompt: 'Noise', unit: 'dB(A)', thresholds: { failAbove: 80 } },
        { ...common, id: 't1', kind: 'text', prompt: 'Notes' },
      ],
    },
    {
      id: 's2', title: 'Wages', weight: 1,
      items: [
        { ...common, id: 'h1', kind: 'hours', prompt: 'Hours' },
        { ...common, id: 'w1', kind: 'wage', prompt: 'Wages' },
        comp('g1'),
        { ...common, id: 'ch1', kind: 'choice', prompt: 'Records', options: [{ value: 'ok', label: 'Electronic' }, { value: 'none', label: 'None', finding: true }] },
      ],
    },
  ],
});
const mixedResponses: ScoredResponse[] = [
  answer('c1', 'compliant'),
  answer('c2', 'non_compliant', { severity: 'major' }),
  answer('c3', 'observation'),
  answer('c4', 'not_applicable'),
  value('n1', { kind: 'number', value: 85 }),
  value('t1', { kind: 'text', text: 'Busy floor' }),
  value('h1', { kind: 'hours', rows: [okWeek] }),
  value('w1', { kind: 'wage', rows: [lowPay] }, { severity: 'critical' }),
  answer('g1', 'good_practice'),
  value('ch1', { kind: 'choice', selected: ['ok'] }),
];

describe('scoreAudit on a hand-computed audit', () => {
  const r = scoreAudit(mixed, mixedResponses, site);

  it('scores section 1: (c1 + c3 observation) ÷ (c1, c3, c2, n1 failing) = 2 ÷ 4 = 50 %', () => {
    // c4 not applicable is excluded; t1 text is answered but not scored.
    expect(r.sections[0]).toMatchObject({ sectionId: 's1', percent: 50, compliant: 2, nonCompliant: 2, answered: 6, total: 6, findings: 2, counts: { critical: 0, major: 2, minor: 0 } });
    // 50 % is under C's minimum of 51 → D
    expect(r.sections[0]?.band?.band).toBe('D');
  });

  it('scores section 2: hours pass, good practice, choice without finding ÷ 4 scored = 3 ÷ 4 = 75 %', () => {
    expect(r.sections[1]).toMatchObject({ percent: 75, compliant: 3, nonCompliant: 1, findings: 1, counts: { critical: 1, major: 0, minor: 0 } });
    expect(r.sections[1]?.band?.band).toBe('B');
  });

  it('weights the overall score by section: (50 × 2 + 75 × 1) ÷ 3 = 58.33 % → band C', () => {
    expect(r.percent).toBe(58.33);
    expect(r.band).toEqual({ band: 'C', min: 51, color: DEFAULT_BANDS[2]!.color });
    expect(r.counts).toEqual({ critical: 1, major: 2, minor: 0 });
    expect(r.answered).toBe(10);
    expect(r.total).toBe(10);
    expect(r.zeroTolerance).toBe(false);
    expect(r.blockers).toEqual([]);
  });

  it('leaves out a section with nothing scorable', () => {
    const t = build({ sections: [{ id: 'a', title: 'A', items: [comp('x')] }, { id: 'b', title: 'B', weight: 5, items: [comp('y')] }] });
    const s = scoreAudit(t, [answer('x', 'non_compliant'), answer('y', 'not_applicable')], site);
    expect(s.sections[1]?.percent).toBeNull();
    expect(s.sections[1]?.band).toBeNull();
    expect(s.percent).toBe(0);
    expect(s.band.band).toBe('E');
  });

  it('has no score and a neutral band before anything is answered', () => {
    const s = scoreAudit(mixed, [], site);
    expect(s.percent).toBeNull();
    expect(s.band).toEqual(NO_SCORE_BAND);
  });
});

describe('rating bands', () => {
  it.each([
    [100, 'A'], [86, 'A'], [85.99, 'B'], [71, 'B'], [70.99, 'C'], [51, 'C'], [50.99, 'D'], [30, 'D'], [29.99, 'E'], [0, 'E'],
  ] as const)('%d %% → %s', (p, band) => expect(bandFor(p).band).toBe(band));

  const many = (n: number) => build({ sections: [{ id: 's', title: 'S', items: Array.from({ length: n }, (_, i) => comp(`i${i}`)) }] });
  const firstCompliant = (n: number, k: number) => Array.from({ length: n }, (_, i) => answer(`i${i}`, i < k ? 'compliant' : 'non_compliant'));

  it('reaches A at exactly 86 % (43 of 50) and B just under (6 of 7 = 85.71 %)', () => {
    expect(scoreAudit(many(50), firstCompliant(50, 43), site)).toMatchObject({ percent: 86, band: { band: 'A' } });
    expect(scoreAudit(many(7), firstCompliant(7, 6), site)).toMatchObject({ percent: 85.71, band: { band: 'B' } });
  });

  it('reaches D at exactly 30 % (3 of 10) and E just under (29 of 100 = 29 %)', () => {
    expect(scoreAudit(many(10), firstCompliant(10, 3), site).band.band).toBe('D');
    expect(scoreAudit(many(100), firstCompliant(100, 29), site).band.band).toBe('E');
  });

  it('forces the lowest band on zero tolerance whatever the score', () => {
    const rs = firstCompliant(10, 10);
    rs[0] = { ...rs[0]!, zeroTolerance: true };
    const s = scoreAudit(many(10), rs, site);
    expect(s.percent).toBe(100);
    expect(s.zeroTolerance).toBe(true);
    expect(s.band.band).toBe('E');
  });

  it('uses the template’s bands, and bands passed in over those', () => {
    const bands = [{ band: 'Pass', min: 80, color: '#00aa00' }, { band: 'Fail', min: 0, color: '#aa0000' }];
    const t = Template.parse({ ...many(10), bands });
    expect(scoreAudit(t, firstCompliant(10, 8), site).band.band).toBe('Pass');
    expect(scoreAudit(t, firstCompliant(10, 7), site).band.band).toBe('Fail');
    const strict = [{ band: 'Gold', min: 95, color: '#ffd700' }, { band: 'Other', min: 0, color: '#777777' }];
    expect(scoreAudit(t, firstCompliant(10, 9), site, strict).band.band).toBe('Other');
    const zt = firstCompliant(10, 10).map((r) => ({ ...r, zeroTolerance: true }));
    expect(scoreAudit(t, zt, site).band.band).toBe('Fail');
  });
});

describe('blockers', () => {
  const t = build({
    sections: [
      {
        id: 's', title: 'S',
        items: [
          comp('need'),
          comp('optional', { rules: { required: false } }),
          comp('photo', { rules: { requireEvidenceOn: ['non_compliant'] } }),
          comp('obs', { rules: { requireNoteOn: ['non_compliant', 'observation'] } }),
          { ...common, id: 'num', kind: 'number', prompt: 'Noise', unit: 'dB(A)', thresholds: { failAbove: 80 } },
          { ...common, id: 'hrs', kind: 'hours', prompt: 'Hours' },
          { ...common, id: 'ch', kind: 'choice', prompt: 'Records', options: [{ value: 'ok', label: 'OK' }, { value: 'none', label: 'None', finding: true }] },
          { ...common, id: 'txt', kind: 'text', prompt: 'Notes', rules: { required: false } },
        ],
      },
    ],
  });
  const reasons = (rs: ScoredResponse[], evidence?: Record<string, number>) =>
    scoreAudit(t, rs, site, undefined, evidence).blockers.map((b) => `${b.itemId}:${b.reason}`);

  it('lists unanswered required items only (empty samples count as unanswered)', () => {
    expect(reasons([value('hrs', { kind: 'hours', rows: [] }), value('need', null as unknown as ResponseValue)])).toEqual([
      'need:unanswered', 'photo:unanswered', 'obs:unanswered', 'num:unanswered', 'hrs:unanswered', 'ch:unanswered',
    ]);
  });

  it('asks for severity and note on a non-compliance, per the item rules', () => {
    const all = [answer('photo', 'compliant'), value('num', { kind: 'number', value: 50 }), value('hrs', { kind: 'hours', rows: [okWeek] }), value('ch', { kind: 'choice', selected: ['ok'] })];
    expect(reasons([...all, { itemId: 'need', value: { kind: 'compliance', answer: 'non_compliant' } }, answer('obs', 'observation')])).toEqual([
      'need:missing_severity', 'need:missing_note', 'obs:missing_note',
    ]);
    expect(reasons([...all, answer('need', 'non_compliant', { note: '   ' }), answer('obs', 'observation', { note: 'noted' })])).toEqual(['need:missing_note']);
  });

  it('does not ask for a note on a computed breach, which explains itself; a flagged choice needs a severity', () => {
    const rs = [answer('need', 'compliant'), answer('photo', 'compliant'), answer('obs', 'compliant'), value('num', { kind: 'number', value: 95 }), value('hrs', { kind: 'hours', rows: [{ ...okWeek, daysWorked: 7 }] }), value('ch', { kind: 'choice', selected: ['none'] }, { note: 'paper' })];
    expect(reasons(rs)).toEqual(['ch:missing_severity']);
  });

  it('asks for evidence only when photo counts are given', () => {
    const rs = [answer('need', 'compliant'), answer('photo', 'non_compliant'), answer('obs', 'compliant'), value('num', { kind: 'number', value: 50 }), value('hrs', { kind: 'hours', rows: [okWeek] }), value('ch', { kind: 'choice', selected: ['ok'] })];
    expect(reasons(rs)).toEqual([]);
    expect(reasons(rs, {})).toEqual(['photo:missing_evidence']);
    expect(reasons(rs, { photo: 0 })).toEqual(['photo:missing_evidence']);
    expect(reasons(rs, { photo: 2 })).toEqual([]);
  });

  it('puts a readable message and the section on each blocker', () => {
    const [b] = scoreAudit(t, [], site).blockers;
    expect(b).toEqual({ itemId: 'need', sectionId: 's', reason: 'unanswered', message: 'Answer “Item need”', text: { key: 'blocker.unanswered', params: { prompt: 'Item need' } } });
  });
});

describe('itemRequirements and itemBlockers (the per-item view the form shows)', () => {
  const photo = Template.parse({ schema: 'fairsite.template/1', key: 'k', version: '1.0.0', name: 'N', sections: [{ id: 's', title: 'S', items: [comp('p', { rules: { requireEvidenceOn: ['non_compliant'] } })] }] }).sections[0]!.items[0]!;
  const noise = Template.parse({ schema: 'fairsite.template/1', key: 'k', version: '1.0.0', name: 'N', sections: [{ id: 's', title: 'S', items: [{ ...common, id: 'n', kind: 'number', prompt: 'Noise', unit: 'dB(A)', thresholds: { failAbove: 80 } }] }] }).sections[0]!.items[0]!;

  it('asks severity, note and evidence of an auditor’s non-compliance', () => {
    expect(itemRequirements(photo, { value: { kind: 'compliance', answer: 'non_compliant' } }, site)).toEqual({ outcome: 'non_compliant', severity: true, note: true, evidence: true });
    expect(itemRequirements(photo, { value: { kind: 'compliance', answer: 'compliant' } }, site)).toEqual({ outcome: 'compliant', severity: false, note: false, evidence: false });
    expect(itemBlockers(photo, { value: { kind: 'compliance', answer: 'non_compliant' } }, site, 0).map((b) => b.reason)).toEqual(['missing_severity', 'missing_note', 'missing_evidence']);
    expect(itemBlockers(photo, { value: { kind: 'compliance', answer: 'non_compliant' }, severity: 'major', note: 'x' }, site, 1)).toEqual([]);
  });

  it('asks only evidence (by the rules) of a computed breach', () => {
    expect(itemRequirements(noise, { value: { kind: 'number', value: 90 } }, site)).toEqual({ outcome: 'non_compliant', severity: false, note: false, evidence: false });
    expect(itemBlockers(noise, undefined, site)).toEqual([{ reason: 'unanswered', message: 'Answer “Noise”', text: { key: 'blocker.unanswered', params: { prompt: 'Noise' } } }]);
  });
});

describe('scoring the built-in template', () => {
  const text = readFileSync(fileURLToPath(new URL('../../../assets/templates/bpo-ethical-compliance.json', import.meta.url)), 'utf8');
  const v = validateTemplate(text);
  if (!v.ok) throw new Error('built-in template invalid');
  const items = templateItems(v.template).map((x) => x.item);

  const goodAnswer = (id: string): ScoredResponse => {
    const item = items.find((i) => i.id === id)!;
    switch (item.kind) {
      case 'compliance': return answer(id, 'compliant');
      case 'number': return value(id, { kind: 'number', value: item.unit === 'lx' ? 500 : item.unit === '°C' ? 23 : 55 });
      case 'hours': return value(id, { kind: 'hours', rows: [okWeek] });
      case 'wage': return value(id, { kind: 'wage', rows: [{ ...lowPay, basePay: 15000 }] });
      case 'choice': return value(id, { kind: 'choice', selected: [item.options.find((o) => !o.finding)!.value] });
      case 'text': return value(id, { kind: 'text', text: 'Summary' });
    }
  };

  it('gives 100 %, band A and no blockers when every answer is good', () => {
    const s = scoreAudit(v.template, items.map((i) => goodAnswer(i.id)), site);
    expect(s).toMatchObject({ percent: 100, band: { band: 'A' }, blockers: [], answered: items.length, total: items.length });
  });

  it('scores 300-odd answers quickly enough to run on every keystroke', () => {
    const rs = items.map((i) => goodAnswer(i.id));
    const t0 = performance.now();
    for (let k = 0; k < 50; k++) scoreAudit(v.template, rs, site);
    expect((performance.now() - t0) / 50).toBeLessThan(20);
  });
});
