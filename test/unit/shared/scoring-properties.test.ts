import fc from 'fast-check';
import { LegalProfile } from '../../../shared/domain/legal-profile';
import { describe, expect, it } from 'vitest';
import { hoursVerdict, type WageSite } from '../../../shared/checks';
import type { HoursRow } from '../../../shared/domain/response';
import { bandFor, DEFAULT_BANDS, scoreAudit, type ScoredResponse } from '../../../shared/scoring';
import { COMPLIANCE_ANSWERS, Template } from '../../../shared/template/schema';

const site: WageSite = { currency: 'USD', legal: LegalProfile.parse({ minWage: 100, wagePeriod: 'hour', overtimeRate: 1.25 }) };
const common = { guidance: 'Guidance text', evidence: ['Records'], references: [{ standard: 'ETI', clause: '1' }] };

// Random templates: 1–5 sections of 1–12 compliance items, with random weights.
const shape = fc.array(fc.record({ weight: fc.integer({ min: 1, max: 10 }), answers: fc.array(fc.constantFrom(...COMPLIANCE_ANSWERS), { minLength: 1, maxLength: 12 }) }), { minLength: 1, maxLength: 5 });

function audit(sections: Array<{ weight: number; answers: Array<(typeof COMPLIANCE_ANSWERS)[number]> }>) {
  const template = Template.parse({
    schema: 'fairsite.template/1', key: 'p', version: '1.0.0', name: 'P',
    sections: sections.map((s, si) => ({ id: `s${si}`, title: `S${si}`, weight: s.weight, items: s.answers.map((_, ii) => ({ ...common, id: `s${si}-i${ii}`, kind: 'compliance', prompt: 'P' })) })),
  });
  const responses: ScoredResponse[] = sections.flatMap((s, si) =>
    s.answers.map((a, ii) => ({ itemId: `s${si}-i${ii}`, value: { kind: 'compliance' as const, answer: a }, severity: 'minor' as const, note: 'n' })),
  );
  return { template, responses };
}

describe('scoring properties', () => {
  it('matches the formula: weighted mean of compliant ÷ (compliant + non-compliant) over scorable sections', () => {
    fc.assert(
      fc.property(shape, (sections) => {
        const { template, responses } = audit(sections);
        const r = scoreAudit(template, responses, site);
        let num = 0;
        let den = 0;
        sections.forEach((s, i) => {
          const ok = s.answers.filter((a) => a === 'compliant' || a === 'observation' || a === 'good_practice').length;
          const bad = s.answers.filter((a) => a === 'non_compliant').length;
          const p = ok + bad ? (ok / (ok + bad)) * 100 : null;
          expect(r.sections[i]?.percent).toBe(p === null ? null : Math.round(p * 100) / 100);
          if (p !== null) {
            num += p * s.weight;
            den += s.weight;
          }
        });
        expect(r.percent).toBe(den ? Math.round((num / den) * 100) / 100 : null);
        if (r.percent !== null) {
          expect(r.percent).toBeGreaterThanOrEqual(0);
          expect(r.percent).toBeLessThanOrEqual(100);
          expect(r.band.band).toBe(bandFor(r.percent).band);
        }
        expect(r.counts.minor).toBe(sections.flatMap((s) => s.answers).filter((a) => a === 'non_compliant').length);
        expect(r.blockers).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never raises the score when a compliant answer turns non-compliant', () => {
    fc.assert(
      fc.property(shape, fc.nat(), (sections, pick) => {
        const { template, responses } = audit(sections);
        const idx = responses.findIndex((_, i) => i >= pick % responses.length && responses[i]?.value?.kind === 'compliance' && responses[i]?.value.answer === 'compliant');
        if (idx < 0) return;
        const worse = responses.map((r, i) => (i === idx ? { ...r, value: { kind: 'compliance' as const, answer: 'non_compliant' as const } } : r));
        const before = scoreAudit(template, responses, site).percent ?? 0;
        const after = scoreAudit(template, worse, site).percent ?? 0;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('forces the lowest band whenever any response carries zero tolerance', () => {
    fc.assert(
      fc.property(shape, fc.nat(), (sections, pick) => {
        const { template, responses } = audit(sections);
        const i = pick % responses.length;
        responses[i] = { ...responses[i]!, zeroTolerance: true };
        expect(scoreAudit(template, responses, site).band.band).toBe(DEFAULT_BANDS[DEFAULT_BANDS.length - 1]!.band);
      }),
      { numRuns: 100 },
    );
  });
});

describe('hours verdict properties', () => {
  const row = fc.record({
    worker: fc.constant('w'), weekStart: fc.constant(''),
    contracted: fc.integer({ min: 0, max: 140 }).map((n) => n / 2), overtime: fc.integer({ min: 0, max: 60 }).map((n) => n / 2),
    daysWorked: fc.integer({ min: 0, max: 7 }), voluntary: fc.boolean(),
  });
  it('fails a week exactly when one ETI limit is crossed', () => {
    fc.assert(
      fc.property(row, (r: HoursRow) => {
        const [c, o, d] = [r.contracted ?? 0, r.overtime ?? 0, r.daysWorked ?? 0];
        const breach = c > 48 || c + o > 60 || d > 6 || (o > 0 && !r.voluntary);
        expect(hoursVerdict([r], undefined, { minSample: 1 }).status).toBe(breach ? 'fail' : 'pass');
      }),
      { numRuns: 1000 },
    );
  });
});
