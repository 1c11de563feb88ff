// Through the contract: the audit's profile and declaration, the auditor's
// credentials, CAPR fields, and the consistency warnings that hold back
// finalizing until corrected or acknowledged (then printed in the report).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadReportData } from '../../../electron/core/report/load';
import { coreEnglish } from '../../../shared/core-messages';
import { answerAll, rejection, seedAudit, testCore, type TestCore } from './helpers/core-fixture';

let t: TestCore;
let ids: Awaited<ReturnType<typeof seedAudit>>;
beforeEach(async () => {
  t = await testCore();
  ids = await seedAudit(t, { sections: 2, itemsPerSection: 5, mixedKinds: true });
});
afterEach(() => t.cleanup());

describe('audit profile, credentials and CAPR', () => {
  it('suggests the profile from the site, saves it as an event, and refuses impossible counts without writing', async () => {
    const id = ids.audit.id;
    const first = await t.call('auditProfile.get', { auditId: id });
    expect(first.updatedAt).toBeNull();
    expect(first.site.clients).toBe('Client A');
    const saved = await t.call('auditProfile.save', { auditId: id, site: { legalEntity: 'Test Site Inc.', sharedBuilding: false, workforce: { headcount: 50, female: 30, male: 20, agency: 5 } }, declaration: { distribution: ['Client A compliance'] } });
    expect(saved.site.workforce).toMatchObject({ headcount: 50, agency: 5, young: null });
    const e = await rejection(t.call('auditProfile.save', { auditId: id, site: { workforce: { headcount: 10, nightShift: 11 } } }));
    expect(e.code).toBe('invalid_input');
    expect(e.fields?.[0]).toMatchObject({ path: 'site.workforce.nightShift', message: '11 is more than the headcount of 10' });
    expect((await t.call('auditProfile.get', { auditId: id })).site.legalEntity).toBe('Test Site Inc.');
    const events = t.core.db.prepare("SELECT count(*) AS n FROM events WHERE audit_id = ? AND entity = 'audit_profile'").get(id) as { n: number };
    expect(events.n).toBe(1);
  });

  it('keeps the CAPR fields of a corrective action and carries them into a reopened revision', async () => {
    const id = ids.audit.id;
    await answerAll(t, id, 4);
    const [finding] = await t.call('findings.list', { auditId: id });
    const a = await t.call('actions.save', { findingId: finding!.id, action: 'Clear the exit', owner: 'Facilities', dueDate: '2026-12-01', rootCause: 'Storage room full', preventiveAction: 'Weekly exit check', timescale: 'immediate', verificationMethod: 'follow_up_visit', siteComments: 'Done the same day', siteAcceptance: 'accepted', objectiveEvidence: 'Photo of boxes' });
    expect(a).toMatchObject({ rootCause: 'Storage room full', timescale: 'immediate', siteAcceptance: 'accepted' });
    const bad = await rejection(t.call('actions.save', { findingId: finding!.id, action: 'x', owner: 'y', dueDate: '2026-12-01', verificationMethod: 'phone' as never }));
    expect(bad.code).toBe('invalid_input');
    await t.call('credentials.save', { scheme: 'apsca', number: '21701234', independence: 'No link with the site.' });
    await t.call('audits.finalize', { id });
    const data = loadReportData(t.core, id);
    expect(data.actions[0]).toMatchObject({ rootCause: 'Storage room full', preventiveAction: 'Weekly exit check', verificationMethod: 'Follow-up visit', siteAcceptance: 'Accepted by the site' });
    expect(data.actions[0]!.timescale).toMatch(/^Immediate \(within 30 days\); 2026-12-02 at the latest/);
    expect(data.declaration).toMatchObject({ credentials: 'APSCA member no. 21701234', independence: 'No link with the site.' });
    const next = await t.call('audits.reopen', { id });
    const copied = (await t.call('audits.get', { id: next.id })).actions[0];
    expect(copied).toMatchObject({ rootCause: 'Storage room full', verificationMethod: 'follow_up_visit', siteComments: 'Done the same day' });
  });

  it('holds back finalizing on a contradiction until it is acknowledged with a reason, then prints it', async () => {
    const id = ids.audit.id;
    await answerAll(t, id, 0);
    const e = await rejection(t.call('audits.finalize', { id }));
    expect(e.code).toBe('not_ready');
    expect(e.message).toContain('Worker A has 4 overtime hours in one week of the hours sample but 0 overtime hours in the pay sample.');
    // The refusal travels as its message (the warning's own message inside it), its English derived from it.
    expect(e.text).toMatchObject({ key: 'finalize.inconsistent', params: { count: 1, warnings: { key: expect.stringMatching(/^consistency\./) } } });
    expect(coreEnglish(e.text!)).toBe(e.message);
    const [w] = await t.call('consistency.list', { auditId: id });
    expect(w).toMatchObject({ kind: 'worker_hours', acknowledged: false });
    expect((await rejection(t.call('consistency.acknowledge', { auditId: id, key: w!.key, acknowledged: true, note: '' }))).code).toBe('invalid_input');
    const after = await t.call('consistency.acknowledge', { auditId: id, key: w!.key, acknowledged: true, note: 'Overtime of that week was paid in the next period.' });
    expect(after[0]).toMatchObject({ acknowledged: true, note: 'Overtime of that week was paid in the next period.' });
    await t.call('audits.finalize', { id });
    expect(loadReportData(t.core, id).acknowledged).toEqual([{ message: w!.message, note: 'Overtime of that week was paid in the next period.' }]);
    expect((await rejection(t.call('consistency.acknowledge', { auditId: id, key: w!.key, acknowledged: false, note: '' }))).code).toBe('locked');
  });

  it('finalizes without a word when the records agree, and a corrected record needs no acknowledgement', async () => {
    const id = ids.audit.id;
    await answerAll(t, id, 0);
    expect(await t.call('consistency.list', { auditId: id })).toHaveLength(1);
    await t.call('responses.save', { auditId: id, itemId: 's1.i1', value: { kind: 'wage', rows: [{ worker: 'A', period: 'hour', basePay: 80, regularHours: 160, overtimeHours: 4, overtimePay: 400 }] } });
    expect(await t.call('consistency.list', { auditId: id })).toEqual([]);
    await t.call('audits.finalize', { id });
    expect(loadReportData(t.core, id).acknowledged).toEqual([]);
  });
});
