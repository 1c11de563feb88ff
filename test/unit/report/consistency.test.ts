// Each consistency check: one record that triggers it, one that does not.
import { describe, expect, it } from 'vitest';
import { consistencyWarnings, type ConsistencyInput } from '../../../electron/core/report/consistency';

const clean: ConsistencyInput = {
  startDate: '2026-05-12',
  endDate: '2026-05-13',
  photos: [{ id: 'p1', ref: 'P1', caption: 'Fire exit', capturedAt: '2026-05-12T10:15:00+08:00' }],
  signatures: [{ role: 'auditor', name: 'Maria Santos', signedAt: '2026-05-13T09:30:00.000Z' }, { role: 'site_rep', name: 'Ramon Villanueva', signedAt: '2026-05-13T09:35:00.000Z' }],
  methodology: ['10 worker interviews held in private (8 individual, 2 groups).'],
  interviewsLogged: 10,
  samples: [{ itemId: 'wh.wage-sample', title: 'Wage sample', rows: 5, texts: [{ where: 'Document “Payroll register”', text: 'Payroll register, April 2026 (5 agents sampled)' }] }],
  hoursRows: [{ worker: 'N-311', overtime: 18 }, { worker: 'A-014', overtime: 0 }],
  wageRows: [{ worker: 'N-311', overtimeHours: 22 }, { worker: 'A-014', overtimeHours: 0 }],
  actions: [
    { findingRef: 'NC-1', findingKind: 'wage', action: 'Pay the overtime shortfall with the next payroll.' },
    { findingRef: 'NC-2', findingKind: 'hours', action: 'Limit weekly overtime so total hours stay within 60.' },
    { findingRef: 'NC-3', findingKind: 'section:hs', action: 'Brief team leaders on the procedure.' },
    { findingRef: 'NC-4', findingKind: 'section:hs', action: 'Brief team leaders on the procedure.' },
  ],
};

const kinds = (x: ConsistencyInput) => consistencyWarnings(x).map((w) => w.kind);

describe('consistency checks', () => {
  it('a consistent audit has no warning (same action on two findings of the same kind is fine)', () => {
    expect(consistencyWarnings(clean)).toEqual([]);
  });

  it('photo taken outside the audit dates, with the photo named; one taken on the last evening is not flagged', () => {
    const late = { ...clean, photos: [...clean.photos, { id: 'p2', ref: 'P2', caption: 'Shuttle', capturedAt: '2026-11-30T05:53:00.000Z' }] };
    const w = consistencyWarnings(late);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ kind: 'photo_date', key: 'photo:p2', photoId: 'p2' });
    expect(w[0]!.message).toContain('P2 (Shuttle)');
    const evening = { ...clean, photos: [{ id: 'p3', ref: 'P3', caption: 'Night shift', capturedAt: '2026-05-13T23:40:00' }] };
    expect(kinds(evening)).toEqual([]);
    const before = { ...clean, photos: [{ id: 'p4', ref: 'P4', caption: 'Old', capturedAt: '2026-05-10T08:00:00Z' }] };
    expect(kinds(before)).toEqual(['photo_date']);
  });

  it('signature dated after the audit', () => {
    const late = { ...clean, signatures: [{ role: 'site_rep' as const, name: 'R. V.', signedAt: '2026-11-30T05:54:00.000Z' }] };
    expect(consistencyWarnings(late)).toMatchObject([{ kind: 'signature_date', key: 'signature:site_rep' }]);
    const sameDay = { ...clean, signatures: [{ role: 'site_rep' as const, name: 'R. V.', signedAt: '2026-05-13T20:00:00.000Z' }] };
    expect(kinds(sameDay)).toEqual([]);
  });

  it('interview count in the methodology against the interview log', () => {
    expect(consistencyWarnings({ ...clean, methodology: ['12 worker interviews held in private.'] })).toMatchObject([{ kind: 'interview_count', message: 'The methodology speaks of 12 interviews, but the interview log holds 10.' }]);
    expect(kinds({ ...clean, methodology: ['Interviews were held in private.'] })).toEqual([]);
  });

  it('sample count in a linked document against the table rows', () => {
    const s = [{ ...clean.samples[0]!, texts: [{ where: 'Document “Payroll register”', text: 'Payroll register, April 2026 (25 agents sampled)' }] }];
    expect(consistencyWarnings({ ...clean, samples: s })).toMatchObject([{ kind: 'sample_count', key: 'sample:wh.wage-sample:25' }]);
    const other = [{ ...clean.samples[0]!, texts: [{ where: 'x', text: 'Employment contracts of 5 sampled agents' }] }];
    expect(kinds({ ...clean, samples: other })).toEqual([]);
  });

  it('the same worker with overtime in the hours sample and none in the pay sample', () => {
    const w = consistencyWarnings({ ...clean, wageRows: [{ worker: 'N-311', overtimeHours: 0 }] });
    expect(w).toMatchObject([{ kind: 'worker_hours', key: 'hours:n-311' }]);
    expect(w[0]!.message).toContain('18 overtime hours');
    expect(kinds({ ...clean, wageRows: [{ worker: 'N-311', overtimeHours: 10 }] })).toEqual(['worker_hours']);
    expect(kinds({ ...clean, wageRows: [{ worker: 'B-233', overtimeHours: 0 }] })).toEqual([]);
  });

  it('a corrective action copied verbatim onto a finding of another kind', () => {
    const copied = [...clean.actions, { findingRef: 'NC-5', findingKind: 'hours', action: 'Pay the overtime shortfall with the next payroll' }];
    const w = consistencyWarnings({ ...clean, actions: copied });
    expect(w).toMatchObject([{ kind: 'copied_action' }]);
    expect(w[0]!.message).toContain('NC-1, NC-5');
  });
});
