// `demo.create` (what `fairsite demo` runs) also makes a finalized follow-up
// of its finalized audit: linked to it, one finding closed, one partially,
// the rest not closed, with the site's emailed evidence on an action; run
// twice, it makes nothing more.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../core/helpers/core-fixture';

describe('the demo follow-up', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await testCore(undefined, { assetsDir: join(process.cwd(), 'assets') });
  });
  afterAll(() => t.cleanup());

  it('is finalized, linked to the finalized audit, and its verifications reached the action chain', async () => {
    const { auditIds } = await t.call('demo.create', {});
    expect(auditIds).toHaveLength(3);
    const list = await t.call('audits.list', {});
    const orig = list.find((a) => a.kind === 'full' && a.status === 'finalized')!;
    const fu = list.find((a) => a.kind === 'follow_up')!;
    expect(fu).toMatchObject({ status: 'finalized', followUpOf: orig.id, followUpMode: 'on_site' });
    expect(auditIds[2]).toBe(fu.id);
    const view = await t.call('followup.get', { auditId: fu.id });
    expect(view.items.map((i) => i.verification).slice(0, 3)).toEqual(['closed', 'partially_closed', 'not_closed']);
    expect(view.grade?.after).toMatch(/^[A-E]$/);
    const tracks = await t.call('followup.actions', { auditId: orig.id });
    expect(tracks.flatMap((x) => x.evidence).map((e) => [e.name, e.source])).toEqual([['evacuation-drill-log.pdf', 'site_sent']]);
    expect(new Set(tracks.map((x) => x.status))).toEqual(new Set(['closed', 'in_progress', 'not_closed']));
    expect((await t.call('followup.verifyChain', { auditId: orig.id })).ok).toBe(true);
    expect((await t.call('audits.verifyChain', { id: fu.id })).ok).toBe(true);

    await t.call('demo.create', {});
    expect(await t.call('audits.list', {})).toHaveLength(3);
  }, 90_000);
});
