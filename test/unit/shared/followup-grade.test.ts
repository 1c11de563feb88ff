// Re-grading after a follow-up, worked by hand. The scheme is the built-in
// template's (assets/templates/bpo-ethical-compliance.json): areas A ≥ 86 %,
// B ≥ 71, C ≥ 51, D ≥ 30, else E; overall A when at most 1 area is B or
// worse and none C or worse; B when at most 2 are C or worse and none D or
// worse; C when at most 2 are D or worse and none E; D when at most 2 are E;
// a key item not met caps its area at C; a major finding caps the overall
// grade at C, a critical at D, zero tolerance at E.
import { describe, expect, it } from 'vitest';
import { followUpDue, regradeFollowUp, type AreaBefore, type CarriedFinding, type NewFinding } from '../../../shared/domain/followup-grade';
import { RatingScheme } from '../../../shared/template/schema';

const scheme = RatingScheme.parse({
  name: 'A–E', description: 'test',
  grades: [
    { grade: 'A', label: 'A', min: 86, color: '#000000' }, { grade: 'B', label: 'B', min: 71, color: '#000000' },
    { grade: 'C', label: 'C', min: 51, color: '#000000' }, { grade: 'D', label: 'D', min: 30, color: '#000000' },
    { grade: 'E', label: 'E', min: 0, color: '#000000' },
  ],
  overall: [
    { grade: 'A', limits: [{ grade: 'B', count: 1 }, { grade: 'C', count: 0 }] },
    { grade: 'B', limits: [{ grade: 'C', count: 2 }, { grade: 'D', count: 0 }] },
    { grade: 'C', limits: [{ grade: 'D', count: 2 }, { grade: 'E', count: 0 }] },
    { grade: 'D', limits: [{ grade: 'E', count: 2 }] },
    { grade: 'E', limits: [] },
  ],
  keyItemCap: 'C', severityCaps: { critical: 'D', major: 'C' }, zeroTolerance: { cap: 'E', notice: 'tell' },
});

const area = (sectionId: string, compliant: number, nonCompliant: number, grade: string): AreaBefore => ({ sectionId, title: sectionId, compliant, nonCompliant, grade });
const carried = (sectionId: string, severity: CarriedFinding['severity'], verification: CarriedFinding['verification'], more: Partial<CarriedFinding> = {}): CarriedFinding =>
  ({ sectionId, severity, verification, zeroTolerance: false, key: false, units: 1, ...more });
const added = (sectionId: string, severity: NewFinding['severity'], more: Partial<NewFinding> = {}): NewFinding =>
  ({ sectionId, severity, zeroTolerance: false, key: false, wasCompliant: true, ...more });

// S1: 8 of 10 met = 80 % → B; S2: 10 of 10 → A. Areas [B, A] give A, the major finding caps it at C.
const TWO = [area('S1', 8, 2, 'B'), area('S2', 10, 0, 'A')];

describe('follow-up re-grading (amfori rule)', () => {
  it('1. both findings closed: S1 10/10 = 100 % → A; nothing left to cap → A (was C)', () => {
    const g = regradeFollowUp(scheme, TWO, 'C', [carried('S1', 'major', 'closed'), carried('S1', 'minor', 'closed')], []);
    expect(g.areas.map((a) => [a.sectionId, a.reaudited, a.percentAfter, a.after])).toEqual([['S1', true, 100, 'A'], ['S2', false, 100, 'A']]);
    expect([g.before, g.areaGrade, g.after, g.caps]).toEqual(['C', 'A', 'A', []]);
  });

  it('2. major closed, minor not closed: S1 9/10 = 90 % → A; a minor finding has no cap → A', () => {
    const g = regradeFollowUp(scheme, TWO, 'C', [carried('S1', 'major', 'closed'), carried('S1', 'minor', 'not_closed')], []);
    expect(g.areas[0]).toMatchObject({ percentAfter: 90, after: 'A' });
    expect(g.remaining).toEqual({ critical: 0, major: 0, minor: 1 });
    expect(g.after).toBe('A');
  });

  it('3. major partially closed (half credit), minor closed: S1 9.5/10 = 95 % → A, but the major still open caps the audit at C', () => {
    const g = regradeFollowUp(scheme, TWO, 'C', [carried('S1', 'major', 'partially_closed'), carried('S1', 'minor', 'closed')], []);
    expect(g.areas[0]).toMatchObject({ percentAfter: 95, after: 'A' });
    expect([g.areaGrade, g.after]).toEqual(['A', 'C']);
    expect(g.caps.map((c) => c.grade)).toEqual(['C']);
  });

  it('4. nothing closed: S1 stays 80 % → B; areas [B, A] → A, capped at C by the open major → C, as before', () => {
    const g = regradeFollowUp(scheme, TWO, 'C', [carried('S1', 'major', 'not_closed'), carried('S1', 'minor', 'not_closed')], []);
    expect(g.areas[0]).toMatchObject({ percentAfter: 80, after: 'B' });
    expect([g.areaGrade, g.after]).toEqual(['A', 'C']);
  });

  it('5. an area not re-audited keeps its grade: S1 50 % D → 100 % A, S2 stays D; areas [A, D, A]: one D rules out A and B → C', () => {
    const g = regradeFollowUp(scheme, [area('S1', 5, 5, 'D'), area('S2', 3, 7, 'D'), area('S3', 10, 0, 'A')], 'C', [carried('S1', 'minor', 'closed', { units: 5 })], []);
    expect(g.areas.map((a) => [a.reaudited, a.after])).toEqual([[true, 'A'], [false, 'D'], [false, 'A']]);
    expect([g.areaGrade, g.after]).toEqual(['C', 'C']);
  });

  it('6. a new critical finding in an area that was clean: S2 9/10 = 90 % → A, but the critical caps the audit at D', () => {
    const g = regradeFollowUp(scheme, [area('S1', 9, 1, 'A'), area('S2', 10, 0, 'A')], 'A', [carried('S1', 'minor', 'closed')], [added('S2', 'critical')]);
    expect(g.areas.map((a) => [a.reaudited, a.percentAfter, a.after])).toEqual([[true, 100, 'A'], [true, 90, 'A']]);
    expect([g.areaGrade, g.after]).toEqual(['A', 'D']);
  });

  it('7. a key item partly fixed: S1 19.5/20 = 97.5 % but the key item caps S1 at C; areas [C, A] → B; the open major caps at C', () => {
    const g = regradeFollowUp(scheme, [area('S1', 19, 1, 'C'), area('S2', 10, 0, 'A')], 'C', [carried('S1', 'major', 'partially_closed', { key: true })], []);
    expect(g.areas[0]).toMatchObject({ percentAfter: 97.5, after: 'C' });
    expect([g.areaGrade, g.after]).toEqual(['B', 'C']);
    const closed = regradeFollowUp(scheme, [area('S1', 19, 1, 'C'), area('S2', 10, 0, 'A')], 'C', [carried('S1', 'major', 'closed', { key: true })], []);
    expect([closed.areas[0]!.after, closed.after]).toEqual(['A', 'A']);
  });

  it('8. zero tolerance not closed: S1 9/10 = 90 % → A, but the critical caps at D and zero tolerance at E → E', () => {
    const g = regradeFollowUp(scheme, [area('S1', 9, 1, 'A')], 'E', [carried('S1', 'critical', 'not_closed', { zeroTolerance: true })], []);
    expect(g.areas[0]!.after).toBe('A');
    expect(g.caps.map((c) => c.grade)).toEqual(['D', 'E']);
    expect([g.after, g.zeroTolerance]).toEqual(['E', true]);
  });

  it('9. a wage sample finding counts each worker: 4 of 10 in breach (60 % C); closed → 100 % A, partially → 8/10 = 80 % B', () => {
    const base = [area('S1', 6, 4, 'C')];
    expect(regradeFollowUp(scheme, base, 'B', [carried('S1', 'minor', 'closed', { units: 4 })], []).areas[0]).toMatchObject({ percentAfter: 100, after: 'A' });
    expect(regradeFollowUp(scheme, base, 'B', [carried('S1', 'minor', 'partially_closed', { units: 4 })], []).areas[0]).toMatchObject({ percentAfter: 80, after: 'B' });
  });

  it('10. a new finding on an item not answered before adds a non-compliance: S1 4/4 = 100 % → 4/5 = 80 % B; areas [B] → A', () => {
    const g = regradeFollowUp(scheme, [area('S1', 4, 0, 'A')], 'A', [], [added('S1', 'minor', { wasCompliant: false })]);
    expect(g.areas[0]).toMatchObject({ percentAfter: 80, after: 'B' });
    expect(g.after).toBe('A');
  });

  it('11. a follow-up is due below B', () => {
    expect(['A', 'B', 'C', 'D', 'E'].map((g) => followUpDue(scheme, g))).toEqual([false, false, true, true, true]);
  });
});
