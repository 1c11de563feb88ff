// State that belongs to an open data folder lives on its core: two cores in
// one process (the app and a command, or two tests) share none of it, and
// closing a core closes what it opened.
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hqFor } from '../../../electron/core/hq/service';
import { sendOutbox } from '../../../electron/core/sync/outbox';
import { incomingDir } from '../../../electron/core/evidence/layout';
import { rejection, seedAudit, testCore, type TestCore } from './helpers/core-fixture';

let a: TestCore;
let b: TestCore;
beforeEach(async () => { [a, b] = await Promise.all([testCore(), testCore()]); });
afterEach(() => { a.cleanup(); b.cleanup(); });

const parts = (t: TestCore): string[] => {
  try { return readdirSync(incomingDir(t.core.paths.photos)).filter((n) => n.endsWith('.part')); } catch { return []; }
};

async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

describe('two cores in one process', () => {
  it('an outbox send on one core is not joined by a send on the other', async () => {
    const endpoint = { kind: 'webdav' as const, url: 'http://127.0.0.1:9/hq/', auth: 'none' as const, username: '', secret: '' };
    const first = sendOutbox(a.core, { endpoint });
    // The second core has no upload address: it must say so, not return the first core's run.
    const second = await rejection(sendOutbox(b.core));
    expect(second.code).toBe('not_ready');
    expect(await first).toEqual({ sent: 0, alreadyThere: 0, failed: 0, skipped: 0 });
    expect(a.core.outboxRun).toBeNull();
  });

  it('each core opens its own HQ database, and closing the core closes it', async () => {
    const [ha, hb] = await Promise.all([hqFor(a.core), hqFor(b.core)]);
    expect(ha).not.toBe(hb);
    expect(await hqFor(a.core)).toBe(ha);
    a.core.close();
    expect(ha.db.open).toBe(false);
    expect(hb.db.open).toBe(true);
  });

  it('uploads belong to their core, and closing it drops them with their .part files', async () => {
    const { audit } = await seedAudit(a);
    const { uploadId } = await a.call('evidence.upload.start', { auditId: audit.id, name: 'floor.jpg', size: 1000 });
    expect(parts(a)).toHaveLength(1);
    const elsewhere = await b.dispatch('evidence.upload.chunk', { uploadId, offset: 0, data: Buffer.alloc(10).toString('base64') });
    expect(elsewhere.ok ? null : elsewhere.error.code).toBe('not_found');
    a.core.close();
    await until(() => parts(a).length === 0);
    expect(parts(a)).toEqual([]);
  });
});
