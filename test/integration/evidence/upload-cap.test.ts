// Open uploads are capped per core (each holds a file handle): one more
// than the cap is refused with a clear error; a finished or cancelled one
// frees its slot; when all are taken, uploads idle for 30 s give way and
// their .part files go.
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { seedAudit, testCore, type TestCore } from '../core/helpers/core-fixture';
import { MAX_OPEN_UPLOADS } from '../../../electron/core/evidence/uploads';
import { photoTree } from './helpers';

let t: TestCore;
let auditId: string;
beforeEach(async () => {
  t = await testCore();
  auditId = (await seedAudit(t)).audit.id;
});
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

const openFds = () => readdirSync('/proc/self/fd').length;
const start = (i: number) => t.dispatch('evidence.upload.start', { auditId, name: `p${i}.jpg`, size: 1000 });

it(`refuses upload number ${MAX_OPEN_UPLOADS + 1} while ${MAX_OPEN_UPLOADS} are open, and lets idle ones expire`, async () => {
  expect(MAX_OPEN_UPLOADS).toBeLessThanOrEqual(32);
  const fds = openFds();
  const ids: string[] = [];
  for (let i = 0; i < MAX_OPEN_UPLOADS; i++) {
    const env = await start(i);
    if (!env.ok) throw new Error(env.error.message);
    ids.push((env.value as { uploadId: string }).uploadId);
  }
  for (let i = 0; i < 50; i++) {
    const over = await start(100 + i);
    expect(over.ok).toBe(false);
    if (over.ok) return;
    expect(over.error.code).toBe('not_ready');
    expect(over.error.message).toMatch(new RegExp(`${MAX_OPEN_UPLOADS} photos are already being added at once.*Wait for them to finish`));
  }
  expect(openFds() - fds).toBeLessThanOrEqual(MAX_OPEN_UPLOADS);

  // A cancelled upload frees its slot.
  await t.call('evidence.upload.cancel', { uploadId: ids.pop()! });
  expect((await start(200)).ok).toBe(true);

  // 31 s later every open upload is idle: a new one takes a slot, the idle ones are dropped with their files.
  const now = Date.now();
  vi.spyOn(Date, 'now').mockReturnValue(now + 31_000);
  expect((await start(300)).ok).toBe(true);
  await new Promise((r) => setTimeout(r, 100));
  expect(photoTree(t).filter((f) => f.startsWith('incoming/'))).toHaveLength(1);
  expect(openFds() - fds).toBeLessThanOrEqual(1);
  const gone = await t.dispatch('evidence.upload.chunk', { uploadId: ids[0]!, offset: 0, data: 'AAAA' });
  expect(gone.ok ? '' : gone.error.code).toBe('not_found');
});
