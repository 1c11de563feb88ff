// Synthetic checklists for tests and benchmarks: valid against the schema,
// any size, with every item kind represented.
import type { TemplateInput } from '../../../../shared/template/schema';

export interface FixtureOptions {
  key?: string;
  version?: string;
  sections?: number;
  itemsPerSection?: number;
  /** Put one wage, hours, number and choice item in the first section. */
  mixedKinds?: boolean;
}

const base = (id: string, prompt: string) => ({
  id, prompt, guidance: `How to check: ${prompt}`, evidence: ['Records on site'], references: [{ standard: 'ETI' as const, clause: '1.1' }],
});

export function fixtureTemplate(o: FixtureOptions = {}): TemplateInput {
  const sections = o.sections ?? 3;
  const per = o.itemsPerSection ?? 4;
  return {
    schema: 'fairsite.template/1',
    key: o.key ?? 'fixture',
    version: o.version ?? '1.0.0',
    name: `Fixture ${o.key ?? 'fixture'}`,
    sections: Array.from({ length: sections }, (_, s) => ({
      id: `s${s + 1}`,
      title: `Section ${s + 1}`,
      items: Array.from({ length: per }, (_, i) => {
        const id = `s${s + 1}.i${i + 1}`;
        if (o.mixedKinds && s === 0) {
          if (i === 0) return { ...base(id, 'Wages meet the legal minimum'), kind: 'wage' as const };
          if (i === 1) return { ...base(id, 'Working hours within limits'), kind: 'hours' as const };
          if (i === 2) return { ...base(id, 'Noise level on the floor'), kind: 'number' as const, unit: 'dB(A)', thresholds: { failAbove: 85 } };
          if (i === 3) return { ...base(id, 'Transport for night shift'), kind: 'choice' as const, options: [{ value: 'yes', label: 'Provided' }, { value: 'no', label: 'Not provided', finding: true }] };
        }
        return { ...base(id, `Check number ${s + 1}.${i + 1}`), kind: 'compliance' as const };
      }),
    })),
  };
}

export const fixtureJson = (o?: FixtureOptions) => JSON.stringify(fixtureTemplate(o));
