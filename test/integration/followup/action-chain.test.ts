// Corrective actions after finalize: each update is an event of the audit's
// action chain, never a change of the finalized audit. Its content hash (as
// sealed and as recomputed), its own event chain and its signed PDF stay
// byte for byte what they were, and a refused update writes nothing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, testCore, type TestCore } from '../core/helpers/core-fixture';
import { createFullDemo } from '../../../electron/core/demo/evidence';
import { auditContentHash } from '../../../electron/core/store/repos/lifecycle';
import { chainHead, verifyChain } from '../../../electron/core/store/events';
import { closureDir } from '../../../electron/core/followup/tracks';
import { listActionEvents, verifyActionRows } from '../../../electron/core/followup/chain';
import type { ReportExportResult } from '../../../shared/domain/report';
import { pdfsig } from '../report/tools';

const today = () => new Date().toISOString().slice(0, 10);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const counts = (t: TestCore) => t.core.db.prepare(`SELECT (SELECT count(*) FROM action_events) AS events, (SELECT count(*) FROM action_tracks) AS tracks,
  (SELECT count(*) FROM closure_evidence) AS evidence`).get();

describe('corrective actions after finalize', () => {
  let t: TestCore;
  let auditId: string;
  let openId: string;
  let pdf: string;
  let before: { hash: string; head: unknown; pdf: string; row: unknown };

  beforeAll(async () => {
    t = await testCore(undefined, { assetsDir: join(process.cwd(), 'assets') });
    await createFullDemo(t.core);
    const list = await t.call('audits.list', {});
    auditId = list.find((a) => a.status === 'finalized')!.id;
    openId = list.find((a) => a.status !== 'finalized')!.id;
    const { jobId } = await t.call('report.export', { auditId, draft: false });
    const job = await t.core.jobs.wait(jobId);
    expect(job.state).toBe('done');
    pdf = (job.result as ReportExportResult).path;
    const audit = (await t.call('audits.get', { id: auditId })).audit;
    before = {
      hash: audit.contentHash!, head: chainHead(t.core.db, auditId), pdf: sha(readFileSync(pdf)),
      row: t.core.db.prepare('SELECT * FROM audits WHERE id = ?').get(auditId),
    };
    expect(auditContentHash(t.core, auditId)).toBe(before.hash);
  }, 90_000);
  afterAll(() => t.cleanup());

  it('starts every action where the finalized plan left it, with no history', async () => {
    const tracks = await t.call('followup.actions', { auditId });
    const detail = await t.call('audits.get', { id: auditId });
    expect(tracks.length).toBe(detail.actions.length);
    expect(tracks.length).toBeGreaterThanOrEqual(3);
    for (const tr of tracks) {
      const a = detail.actions.find((x) => x.id === tr.actionId)!;
      expect(tr.status).toBe(a.status === 'closed' ? 'closed' : a.status);
      expect(tr.history).toEqual([]);
    }
  });

  it('records status, dates, who verified and desk-review evidence as a chain, leaving the audit, its hash and its signed PDF untouched', async () => {
    const [first] = (await t.call('followup.actions', { auditId })).filter((x) => x.status === 'open');
    const actionId = first!.actionId;
    await t.call('followup.updateAction', { actionId, status: 'in_progress', date: today(), note: 'Contractor booked' });
    const file = Buffer.from('%PDF-1.4 fire exit clearance log, signed by the site manager');
    let tr = await t.call('followup.addEvidence', {
      actionId, name: 'exit-log.pdf', mediaType: 'application/pdf', data: file.toString('base64'), source: 'site_sent', receivedAt: today(),
      description: 'Sent by email by the HR manager',
    });
    expect(tr.evidence).toEqual([expect.objectContaining({ name: 'exit-log.pdf', source: 'site_sent', receivedAt: today(), size: file.length, sha256: sha(file) })]);
    expect(readFileSync(join(closureDir(t.core), sha(file)))).toEqual(file);
    await t.call('followup.updateAction', { actionId, status: 'submitted', date: today(), note: 'Site says done' });
    tr = await t.call('followup.updateAction', { actionId, status: 'closed', date: today(), note: 'Log and photos show the exits clear', verifiedBy: 'Ana Reyes' });
    expect(tr).toMatchObject({ status: 'closed', statusDate: today(), verifiedBy: 'Ana Reyes' });
    expect(tr.history.map((h) => h.status)).toEqual(['in_progress', 'submitted', 'closed']);

    const check = await t.call('followup.verifyChain', { auditId });
    expect(check).toEqual({ ok: true, events: 4, brokenAt: null, reason: null });

    const audit = (await t.call('audits.get', { id: auditId })).audit;
    expect(audit.contentHash).toBe(before.hash);
    expect(auditContentHash(t.core, auditId)).toBe(before.hash);
    expect(chainHead(t.core.db, auditId)).toEqual(before.head);
    expect(verifyChain(t.core.db, auditId).ok).toBe(true);
    expect(t.core.db.prepare('SELECT * FROM audits WHERE id = ?').get(auditId)).toEqual(before.row);
    expect(sha(readFileSync(pdf))).toBe(before.pdf);
    expect(pdfsig(pdf)).toContain('Signature is Valid.');
  });

  it('shows a rewritten action event as a broken chain', () => {
    const rows = listActionEvents(t.core.db, auditId);
    expect(verifyActionRows(rows).ok).toBe(true);
    const edited = rows.map((r, i) => (i === 2 ? { ...r, new: r.new!.replace('Site says done', 'Site says nothing') } : r));
    expect(verifyActionRows(edited)).toMatchObject({ ok: false, brokenAt: 3 });
    const dropped = rows.filter((_, i) => i !== 1);
    expect(verifyActionRows(dropped)).toMatchObject({ ok: false, brokenAt: 3 });
    // The table refuses rewriting in place.
    const raw = new Database(t.core.paths.database);
    try {
      expect(() => raw.prepare('UPDATE action_events SET actor = ? WHERE seq = 1').run('someone')).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM action_events').run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  });

  it('refuses a wrong step, a missing verifier, a date outside the audit-to-today window and updates before finalize, writing nothing', async () => {
    const open = (await t.call('followup.actions', { auditId })).find((x) => x.status === 'open')!;
    const closed = (await t.call('followup.actions', { auditId })).find((x) => x.status === 'closed')!;
    const was = counts(t);
    const e1 = await rejection(t.call('followup.updateAction', { actionId: open.actionId, status: 'closed', date: today(), verifiedBy: 'Ana' }));
    expect(e1.code).toBe('conflict');
    expect(e1.message).toMatch(/can move only to in progress or submitted/);
    await t.call('followup.updateAction', { actionId: open.actionId, status: 'submitted', date: today() });
    const afterOne = counts(t);
    expect((await rejection(t.call('followup.updateAction', { actionId: open.actionId, status: 'not_closed', date: today() }))).fields?.[0]?.path).toBe('verifiedBy');
    expect((await rejection(t.call('followup.updateAction', { actionId: open.actionId, status: 'in_progress', date: '2099-01-01' }))).message).toMatch(/future/);
    expect((await rejection(t.call('followup.updateAction', { actionId: open.actionId, status: 'in_progress', date: '2001-01-01' }))).message).toMatch(/before the audit ended/);
    expect((await rejection(t.call('followup.updateAction', { actionId: closed.actionId, status: 'in_progress', date: today() }))).message).toMatch(/closed/);
    const draftFinding = (await t.call('audits.get', { id: openId })).findings[0];
    expect(draftFinding, 'the demo audit in progress has a finding').toBeDefined();
    const draftAction = await t.call('actions.save', { findingId: draftFinding!.id, action: 'Fix it', owner: 'HR', dueDate: today() });
    const draftCounts = counts(t);
    const e = await rejection(t.call('followup.updateAction', { actionId: draftAction.id, status: 'in_progress', date: today() }));
    expect(e.message).toMatch(/not finalized/);
    expect(counts(t)).toEqual(draftCounts);
    expect(draftCounts).toEqual(afterOne);
    expect(afterOne).not.toEqual(was);
  });

  it('refuses closure evidence that is empty, too large, or dated in the future, storing no file', async () => {
    const open = (await t.call('followup.actions', { auditId })).find((x) => x.status !== 'closed')!;
    const was = counts(t);
    expect((await rejection(t.call('followup.addEvidence', { actionId: open.actionId, name: 'a.pdf', data: '', source: 'site_sent', receivedAt: today() }))).message).toMatch(/empty/);
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 1).toString('base64');
    expect((await rejection(t.call('followup.addEvidence', { actionId: open.actionId, name: 'a.pdf', data: big, source: 'site_sent', receivedAt: today() }))).code).toBe('invalid_input');
    const body = Buffer.from('later scan');
    expect((await rejection(t.call('followup.addEvidence', { actionId: open.actionId, name: 'a.pdf', data: body.toString('base64'), source: 'site_sent', receivedAt: '2099-01-01' }))).message).toMatch(/future/);
    expect(existsSync(join(closureDir(t.core), sha(body)))).toBe(false);
    expect(counts(t)).toEqual(was);
  });
});
