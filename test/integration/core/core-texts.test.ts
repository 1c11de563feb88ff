// The core's refusals and a report's progress reach the UI as messages (a
// key and its parameters), never only as English: finalizing refused for
// blockers, each blocker, and every step a report export reports. The
// English the command line prints is the same message said in English.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportReport } from '../../../electron/core/report/export';
import { coreEnglish } from '../../../shared/core-messages';
import type { Message } from '../../../shared/messages';
import type { Blocker } from '../../../shared/domain/score';
import { rejection, seedAudit, testCore, type TestCore } from './helpers/core-fixture';

let t: TestCore;
let ids: Awaited<ReturnType<typeof seedAudit>>;
beforeEach(async () => {
  t = await testCore();
  ids = await seedAudit(t, { sections: 2, itemsPerSection: 5 });
});
afterEach(() => t.cleanup());

describe('core texts as messages', () => {
  it('finalizing with blockers is refused by a counted message, and each blocker carries its own', async () => {
    const e = await rejection(t.call('audits.finalize', { id: ids.audit.id }));
    expect(e.code).toBe('not_ready');
    const blockers = e.details as Blocker[];
    expect(e.text).toEqual({ key: 'finalize.blockers', params: { count: blockers.length } });
    expect(e.message).toBe(`${blockers.length} items still need attention before the audit can be finalized.`);
    expect(coreEnglish(e.text!)).toBe(e.message);
    expect(blockers.length).toBeGreaterThan(1);
    for (const b of blockers) {
      expect(b.text?.key).toBe('blocker.unanswered');
      expect(coreEnglish(b.text!)).toBe(b.message);
    }
    const score = await t.call('audits.score', { id: ids.audit.id });
    expect(score.blockers.every((b) => b.text && coreEnglish(b.text) === b.message)).toBe(true);
  });

  it('a report export names every step by a message', async () => {
    const steps: Array<string | Message | undefined> = [];
    await exportReport(t.core, { auditId: ids.audit.id, draft: true, out: `${t.dir}/draft.pdf` }, (_f, m) => steps.push(m));
    expect(steps.length).toBeGreaterThan(8);
    const plain = steps.filter((m) => typeof m === 'string');
    expect(plain).toEqual([]);
    const keys = (steps as Message[]).map((m) => m.key);
    expect(keys).toEqual(expect.arrayContaining(['progress.reading', 'progress.cover', 'progress.summary', 'progress.nonCompliances', 'progress.analysis', 'progress.signoff', 'progress.laidOut', 'progress.saving']));
  });

  it('a report job keeps the English step for the command line and the message for the UI', async () => {
    const { jobId } = await t.call('report.export', { auditId: ids.audit.id, draft: true });
    const seen: Array<{ message: string; text?: Message }> = [];
    for (;;) {
      const j = await t.call('jobs.get', { id: jobId });
      if (j.state === 'running' && j.text) seen.push({ message: j.message, text: j.text });
      if (j.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 2));
    }
    const done = await t.call('jobs.get', { id: jobId });
    expect(done.state).toBe('done');
    // The last step named stays on the finished job: its English and its message agree.
    expect(done.text).toBeDefined();
    expect(done.message).toBe(coreEnglish(done.text!));
    for (const s of seen) expect(s.message).toBe(coreEnglish(s.text!));
  });
});
