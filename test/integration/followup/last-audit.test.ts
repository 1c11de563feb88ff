// The last audit in view: a new audit of a site sees its newest finalized
// full audit item by item (answer, severity, actions and their status now),
// never its own earlier revisions; the report's method names it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../core/helpers/core-fixture';
import { createFullDemo } from '../../../electron/core/demo/evidence';
import { loadReportData } from '../../../electron/core/report/load';
import { scoreOf } from '../../../electron/core/store/repos/lifecycle';

const today = () => new Date().toISOString().slice(0, 10);

describe('the last audit in view', () => {
  let t: TestCore;
  let origId: string;
  let siteId: string;
  let templateId: string;

  beforeAll(async () => {
    t = await testCore(undefined, { assetsDir: join(process.cwd(), 'assets') });
    await createFullDemo(t.core);
    const fin = (await t.call('audits.list', {})).find((a) => a.status === 'finalized')!;
    origId = fin.id;
    siteId = fin.siteId;
    templateId = fin.templateId;
  }, 90_000);
  afterAll(() => t.cleanup());

  it('shows, per item found last time, the answer, severity and each action with its status now', async () => {
    const tracks = await t.call('followup.actions', { auditId: origId });
    await t.call('followup.updateAction', { actionId: tracks.find((x) => x.status === 'open')!.actionId, status: 'submitted', date: today() });
    const audit = await t.call('audits.create', { siteId, templateId, type: 'unannounced', startDate: today(), endDate: today() });
    const last = (await t.call('followup.lastAudit', { auditId: audit.id }))!;
    const orig = await t.call('audits.get', { id: origId });
    expect(last).toMatchObject({ id: origId, grade: scoreOf(t.core, origId).band.band });
    // Every finding of the last audit is listed, findings before observations, most severe first.
    const withFinding = last.items.filter((i) => i.severity !== null || i.actions.length);
    expect(withFinding.map((i) => i.itemId).sort()).toEqual(orig.findings.map((f) => f.itemId).sort());
    expect(last.items.slice(0, withFinding.length).every((i) => orig.findings.some((f) => f.itemId === i.itemId))).toBe(true);
    const f = orig.findings[0]!;
    const row = last.items.find((i) => i.itemId === f.itemId)!;
    expect(row.severity).toBe(f.severity);
    expect(row.actions.map((a) => a.action).sort()).toEqual(orig.actions.filter((a) => a.findingId === f.id).map((a) => a.action).sort());
    expect(last.items.flatMap((i) => i.actions).some((a) => a.status === 'submitted')).toBe(true);
    expect(last.others + last.items.length).toBeLessThanOrEqual(orig.responses.length);
    expect(last.others).toBeGreaterThan(0);
    // The walkthrough's per-item view also knows each quiet item's answer last time.
    expect(last.quiet).toHaveLength(last.others);
    expect(new Set(last.quiet.map((q) => q.answer))).toEqual(new Set(['compliant', 'not_applicable'].filter((a) => last.quiet.some((q) => q.answer === a))));
    for (const q of last.quiet) expect(last.items.some((i) => i.itemId === q.itemId)).toBe(false);

    const report = await loadReportData(t.core, audit.id);
    expect(report.audit.notes[0]).toMatch(new RegExp(`^The previous audit of this site was audit ${origId} \\(revision 1, `));
  });

  it('is null for the first audit of a site and never names the audit itself or its own earlier revision', async () => {
    const site = await t.call('sites.create', { name: 'Other site', clients: [], country: 'PH', currency: 'PHP', legal: { wagePeriod: 'hour', minWage: 60, overtimeRate: 1.25 } });
    const first = await t.call('audits.create', { siteId: site.id, templateId, type: 'announced', startDate: today(), endDate: today() });
    expect(await t.call('followup.lastAudit', { auditId: first.id })).toBeNull();
    expect((await loadReportData(t.core, first.id)).audit.notes.some((n) => n.startsWith('The previous audit'))).toBe(false);
    const reopened = await t.call('audits.reopen', { id: origId });
    expect(await t.call('followup.lastAudit', { auditId: reopened.id })).toBeNull();
    expect(await t.call('followup.lastAudit', { auditId: origId })).toBeNull();
  });
});
