// @vitest-environment jsdom
// The summary under a rating scheme: the zero-tolerance alert stands on its
// own (what, where, duty), area grades and caps are named, and "How this
// audit was rated" is shown as the scoring generated it.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { Summary } from '../../../renderer/src/summary/Summary';
import { settleDraft } from '../../../renderer/src/walkthrough/itemRules';
import type { ScoreResult } from '../../../shared/domain/score';
import type { Site } from '../../../shared/domain/site';
import { Template, type TemplateItem } from '../../../shared/template/schema';
import { auditData, ok, renderWith, scriptedTransport } from './fixtures';

const counts = { critical: 1, major: 0, minor: 0 };
const schemeScore: ScoreResult = {
  percent: 95, band: { band: 'E', color: '#b3261e', min: 0 }, zeroTolerance: true, counts, answered: 5, total: 5, blockers: [],
  areaGrade: 'A',
  caps: [{ grade: 'D', reason: 'a critical finding caps the overall grade at D' }, { grade: 'E', reason: 'a zero-tolerance finding caps the overall grade at E' }],
  sections: [
    { sectionId: 'one', title: 'Section one', percent: 95, band: { band: 'C', color: '#8a6a00', min: 51 }, caps: [{ grade: 'C', reason: 'key item not met: First question' }], answered: 2, total: 2, compliant: 1, nonCompliant: 1, findings: 1, counts },
    { sectionId: 'two', title: 'Section two', percent: 100, band: { band: 'A', color: '#1e7b34', min: 86 }, answered: 3, total: 3, compliant: 3, nonCompliant: 0, findings: 0, counts: { critical: 0, major: 0, minor: 0 } },
  ],
  zeroToleranceAlerts: [{ itemId: 'one.b', sectionId: 'one', sectionTitle: 'Section one', prompt: 'Second question', summary: 'Passports kept in the HR safe', flaggedBy: 'template', notice: 'Tell the client within 24 hours.' }],
  explanation: 'Rated by the amfori BSCI-style A–E scheme. Each area is graded…',
};

describe('summary under a rating scheme', () => {
  it('shows the zero-tolerance alert apart from the grade, the caps, the area grades and how the audit was rated', async () => {
    const data = auditData();
    const scheme = { name: 'X', description: 'd', grades: [{ grade: 'A', label: 'a', min: 0, color: '#000000' }], overall: [{ grade: 'A', limits: [] }], severityCaps: {}, zeroTolerance: { notice: 'n' }, samples: 'worker' as const };
    const { transport } = scriptedTransport((op) => (op === 'audits.score' ? ok(schemeScore) : op.endsWith('.list') ? ok([]) : ok(null)));
    renderWith(transport, <Summary data={{ ...data, template: { ...data.template, rating: scheme } }} onChanged={vi.fn()} />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Zero-tolerance alert: 1 finding' })).toBeInTheDocument();
    expect(within(alert).getByText('Passports kept in the HR safe')).toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: '1.2 Second question' })).toHaveAttribute('href', expect.stringContaining('/item/one.b'));
    expect(within(alert).getByText(/Tell the client within 24 hours\./)).toBeInTheDocument();
    expect(screen.getByText(/capped at/).textContent).toBe('The areas give A; capped at E because a critical finding caps the overall grade at D; a zero-tolerance finding caps the overall grade at E.');
    const table = screen.getByRole('table', { name: 'Grades by area' });
    expect(within(table).getByText('key item not met: First question')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'How this audit was rated' }).nextSibling?.textContent).toBe(schemeScore.explanation);
  });
});

describe('settleDraft', () => {
  const t = Template.parse({
    schema: 'fairsite.template/1', key: 'k', version: '1.0.0', name: 'N',
    sections: [{ id: 's', title: 'S', items: [{ id: 'i', kind: 'compliance', prompt: 'P', guidance: 'G', evidence: ['E'], references: [{ standard: 'ETI', clause: '1' }], severity: 'major' }] }],
  });
  const item = t.sections[0]!.items[0] as TemplateItem;
  const site = {} as Site;
  const nc = { kind: 'compliance' as const, answer: 'non_compliant' as const };

  it('starts a new non-compliance at the item’s default severity, and keeps a chosen one', () => {
    expect(settleDraft(item, { value: nc, note: '', severity: null, zeroTolerance: false }, site).severity).toBe('major');
    expect(settleDraft(item, { value: nc, note: '', severity: 'minor', zeroTolerance: false }, site).severity).toBe('minor');
  });

  it('drops the zero-tolerance flag when the answer is no longer non-compliant', () => {
    const d = settleDraft(item, { value: { kind: 'compliance', answer: 'not_applicable' }, note: '', severity: 'major', zeroTolerance: true }, site);
    expect(d.zeroTolerance).toBe(false);
    expect(settleDraft(item, { value: nc, note: '', severity: 'major', zeroTolerance: true }, site).zeroTolerance).toBe(true);
  });
});
