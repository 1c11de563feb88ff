// Collaborative action required: no fixed closing date, a progress review
// date instead. Stored, carried into a reopened revision, printed in the
// plan, and refused when neither date is given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeWarnings, answerAll, rejection, seedAudit, testCore, type TestCore } from '../core/helpers/core-fixture';
import { loadReportData } from '../../../electron/core/report/load';

describe('collaborative action required', () => {
  let t: TestCore;
  let auditId: string;
  let findingId: string;

  beforeAll(async () => {
    t = await testCore();
    auditId = (await seedAudit(t, { sections: 2, itemsPerSection: 5, mixedKinds: true })).audit.id;
    await answerAll(t, auditId);
    findingId = (await t.call('findings.list', { auditId })).find((f) => f.itemId === 's2.i3')!.id;
  });
  afterAll(() => t.cleanup());

  it('needs a review date and no due date; a plain action needs a due date', async () => {
    const none = t.core.db.prepare('SELECT count(*) AS n FROM corrective_actions').get();
    const e1 = await rejection(t.call('actions.save', { findingId, action: 'Industry wage dialogue', owner: 'HR', dueDate: '', collaborative: true }));
    expect(e1.fields?.[0]?.path).toBe('reviewDate');
    const e2 = await rejection(t.call('actions.save', { findingId, action: 'Clear the exit', owner: 'Facilities', dueDate: '' }));
    expect(e2.fields?.[0]?.path).toBe('dueDate');
    expect(t.core.db.prepare('SELECT count(*) AS n FROM corrective_actions').get()).toEqual(none);
    const a = await t.call('actions.save', { findingId, action: 'Industry wage dialogue', owner: 'HR', dueDate: '', collaborative: true, reviewDate: '2027-03-01' });
    expect(a).toMatchObject({ collaborative: true, reviewDate: '2027-03-01', dueDate: '' });
    // Unticking collaborative drops the review date and asks for a due date again.
    const plain = await t.call('actions.save', { id: a.id, findingId, action: 'Industry wage dialogue', owner: 'HR', dueDate: '2027-01-10', reviewDate: '2027-03-01' });
    expect(plain).toMatchObject({ collaborative: false, reviewDate: '' });
    await t.call('actions.save', { id: a.id, findingId, action: 'Industry wage dialogue', owner: 'HR', dueDate: '', collaborative: true, reviewDate: '2027-03-01' });
  });

  it('prints it in the plan as having no closing date, with the review date', async () => {
    const data = await loadReportData(t.core, auditId);
    const line = data.actions.find((x) => x.action === 'Industry wage dialogue')!;
    expect(line.dueDate).toBe('none (collaborative action required; progress review 2027-03-01)');
    expect(line.timescale).toMatch(/^Collaborative action required/);
  });

  it('is sealed into the finalized content and copied by a reopen', async () => {
    await acknowledgeWarnings(t, auditId);
    const fin = await t.call('audits.finalize', { id: auditId });
    const next = await t.call('audits.reopen', { id: fin.id });
    const copied = (await t.call('audits.get', { id: next.id })).actions;
    expect(copied).toEqual([expect.objectContaining({ collaborative: true, reviewDate: '2027-03-01', dueDate: '' })]);
  });
});
