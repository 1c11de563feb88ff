// Follow-up audits: only from a finalized audit; they carry every finding
// still open with its actions; each is verified; new findings are allowed;
// finalizing seals the follow-up, re-grades it and records each verification
// in the original's action chain, leaving the original audit as finalized.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, testCore, type TestCore } from '../core/helpers/core-fixture';
import { createFullDemo } from '../../../electron/core/demo/evidence';
import { auditContentHash, scoreOf } from '../../../electron/core/store/repos/lifecycle';
import { loadTemplate } from '../../../electron/core/store/repos/templates';
import { chainHead, verifyChain } from '../../../electron/core/store/events';
import { openFindings } from '../../../electron/core/followup/audits';
import { getAudit } from '../../../electron/core/store/repos/audits';
import type { ReportExportResult } from '../../../shared/domain/report';
import { pdfsig, run } from '../report/tools';

const today = () => new Date().toISOString().slice(0, 10);

describe('follow-up audits', () => {
  let t: TestCore;
  let origId: string;
  let draftId: string;
  let fuId: string;
  let origHash: string;
  let origHead: unknown;

  beforeAll(async () => {
    t = await testCore(undefined, { assetsDir: join(process.cwd(), 'assets') });
    await createFullDemo(t.core);
    const list = await t.call('audits.list', {});
    origId = list.find((a) => a.status === 'finalized')!.id;
    draftId = list.find((a) => a.status !== 'finalized')!.id;
    origHash = getAudit(t.core.db, origId).contentHash!;
    origHead = chainHead(t.core.db, origId);
  }, 90_000);
  afterAll(() => t.cleanup());

  it('cannot be made from an audit that is not finalized, and writes nothing when refused', async () => {
    const n = t.core.db.prepare('SELECT count(*) AS n FROM audits').get();
    const e = await rejection(t.call('followup.start', { auditId: draftId, mode: 'on_site', startDate: today(), endDate: today() }));
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/only from a finalized audit/);
    expect((await rejection(t.call('followup.start', { auditId: origId, mode: 'on_site', startDate: '2001-01-01', endDate: '2001-01-02' }))).fields?.[0]?.path).toBe('startDate');
    expect(t.core.db.prepare('SELECT count(*) AS n FROM audits').get()).toEqual(n);
  });

  it('carries every finding whose actions are not all closed, each with its actions', async () => {
    // Close one action through the tracker first: its finding (if that was its only action) is not carried.
    const tracks = await t.call('followup.actions', { auditId: origId });
    const detail = await t.call('audits.get', { id: origId });
    const single = tracks.find((tr) => tr.status === 'open' && detail.actions.filter((a) => a.findingId === tr.findingId).length === 1)!;
    await t.call('followup.updateAction', { actionId: single.actionId, status: 'submitted', date: today() });
    await t.call('followup.updateAction', { actionId: single.actionId, status: 'closed', date: today(), verifiedBy: 'Ana Reyes' });
    const open = openFindings(t.core.db, getAudit(t.core.db, origId));
    expect(open.map((f) => f.id)).not.toContain(single.findingId);
    expect(open.length).toBeGreaterThanOrEqual(3);

    const fu = await t.call('followup.start', { auditId: origId, mode: 'on_site', startDate: today(), endDate: today(), team: ['Ana Reyes'] });
    fuId = fu.id;
    expect(fu).toMatchObject({ kind: 'follow_up', followUpOf: origId, followUpMode: 'on_site', status: 'draft', siteId: detail.audit.siteId, templateId: detail.audit.templateId });
    const view = await t.call('followup.get', { auditId: fuId });
    expect(view.items.map((i) => i.findingId).sort()).toEqual(open.map((f) => f.id).sort());
    for (const i of view.items) expect(i.actions.map((a) => a.id).sort()).toEqual(detail.actions.filter((a) => a.findingId === i.findingId).map((a) => a.id).sort());
    expect(view.unverified).toBe(view.items.length);
    expect(view.original).toMatchObject({ id: origId, contentHash: origHash, grade: scoreOf(t.core, origId).band.band });

    const again = await rejection(t.call('followup.start', { auditId: origId, mode: 'desk_review', startDate: today(), endDate: today() }));
    expect(again.message).toMatch(/already under way/);
    expect((await rejection(t.call('followup.start', { auditId: fuId, mode: 'on_site', startDate: today(), endDate: today() }))).code).toBe('conflict');
  });

  it('records verifications, takes new findings, refuses to finalize until each is verified and explained, then seals and re-grades', async () => {
    const view = await t.call('followup.get', { auditId: fuId });
    const [a, b, ...rest] = view.items;
    // The site's evidence for the first action, received by email before the visit (a desk review of it).
    await t.call('followup.addEvidence', { actionId: a!.actions[0]!.id, name: 'exit-clearance-log.pdf', mediaType: 'application/pdf', data: Buffer.from('%PDF-1.4 log').toString('base64'), source: 'site_sent', receivedAt: today(), description: 'Emailed by the HR manager' });
    await t.call('followup.verify', { auditId: fuId, findingId: a!.findingId, verification: 'closed', evidence: 'Photos P1–P3 of the exits, clear', note: '' });
    const e1 = await rejection(t.call('audits.finalize', { id: fuId }));
    expect(e1.code).toBe('not_ready');
    expect((e1.details as string[]).length).toBe(view.items.length - 1);
    await t.call('followup.verify', { auditId: fuId, findingId: b!.findingId, verification: 'partially_closed', note: 'Policy posted, training not yet held' });
    for (const i of rest) await t.call('followup.verify', { auditId: fuId, findingId: i.findingId, verification: 'not_closed', note: 'No change seen' });

    // A new finding: an item the full audit found compliant.
    const orig = await t.call('audits.get', { id: origId });
    const tpl = loadTemplate(t.core, orig.audit.templateId);
    const item = orig.responses.map((r) => ({ r, e: tpl.items.get(r.itemId)! })).find(({ r, e }) => e.item.kind === 'compliance' && r.value?.kind === 'compliance'
      && r.value.answer === 'compliant' && !e.item.rules.requireEvidenceOn.includes('non_compliant') && !e.item.zeroTolerance)!;
    await t.call('responses.save', { auditId: fuId, itemId: item.r.itemId, value: { kind: 'compliance', answer: 'non_compliant' }, note: 'Found on the follow-up visit', severity: 'minor' });

    const after = await t.call('followup.get', { auditId: fuId });
    expect(after.unverified).toBe(0);
    expect(after.newFindings).toEqual([expect.objectContaining({ itemId: item.r.itemId, severity: 'minor' })]);
    const g = after.grade!;
    const sectionsTouched = new Set([...view.items.map((i) => i.sectionId), item.e.section.id]);
    expect(g.areas.filter((x) => x.reaudited).map((x) => x.sectionId).sort()).toEqual([...sectionsTouched].sort());
    expect(g.before).toBe(scoreOf(t.core, origId).band.band);

    const fin = await t.call('audits.finalize', { id: fuId });
    expect(fin).toMatchObject({ status: 'finalized', kind: 'follow_up', followUpOf: origId });
    expect(fin.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(t.core.db, fuId).ok).toBe(true);

    // The original: unchanged, its actions verified in its action chain.
    expect(getAudit(t.core.db, origId).contentHash).toBe(origHash);
    expect(auditContentHash(t.core, origId)).toBe(origHash);
    expect(chainHead(t.core.db, origId)).toEqual(origHead);
    expect(await t.call('followup.verifyChain', { auditId: origId })).toMatchObject({ ok: true });
    const tracks = await t.call('followup.actions', { auditId: origId });
    const statusOf = (findingId: string) => tracks.filter((x) => x.findingId === findingId).map((x) => x.status);
    expect(new Set(statusOf(a!.findingId))).toEqual(new Set(['closed']));
    expect(new Set(statusOf(b!.findingId))).toEqual(new Set(['in_progress']));
    for (const i of rest) expect(new Set(statusOf(i.findingId))).toEqual(new Set(['not_closed']));
    expect(tracks.find((x) => x.findingId === a!.findingId)!.verifiedBy).toBeTruthy();

    const listed = (await t.call('audits.list', {})).find((x) => x.id === fuId)!;
    expect(listed).toMatchObject({ kind: 'follow_up', followUpOf: origId, status: 'finalized' });
  });

  it('is read-only once finalized and cannot be reopened', async () => {
    const view = await t.call('followup.get', { auditId: fuId });
    expect((await rejection(t.call('followup.verify', { auditId: fuId, findingId: view.items[0]!.findingId, verification: 'not_closed', note: 'x' }))).code).toBe('locked');
    expect((await rejection(t.call('audits.reopen', { id: fuId }))).message).toMatch(/cannot be reopened/);
  });

  it("exports the follow-up's signed report: each original finding, its action and closure evidence, the verification, the new grade beside the old", async () => {
    const { jobId } = await t.call('report.export', { auditId: fuId, draft: false });
    const job = await t.core.jobs.wait(jobId);
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    const path = (job.result as ReportExportResult).path;
    expect(pdfsig(path)).toContain('Signature is Valid.');
    const text = run('pdftotext', [path, '-']).out.replace(/\s+/g, ' ');
    const view = await t.call('followup.get', { auditId: fuId });
    const has = (s: string) => expect(text.includes(s.replace(/\s+/g, ' ')), `missing: ${s}`).toBe(true);
    has('Follow-up');
    has(`audit ${origId}`);
    has(`New grade ${view.grade!.after} (was ${view.grade!.before})`);
    for (const i of view.items) has(i.prompt);
    has('Photos P1–P3 of the exits, clear');
    has('Policy posted, training not yet held');
    has('Partially closed');
    has('Not closed');
    has('exit-clearance-log.pdf (sent by the site, received');
    has('Found on the follow-up visit');
    has(view.items[0]!.actions[0]!.action);
    if (process.env.FAIRSITE_PDF_PNG) run('pdftoppm', ['-png', '-r', '60', path, process.env.FAIRSITE_PDF_PNG]);
  }, 60_000);
});
