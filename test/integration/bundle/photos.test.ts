// Photo originals travel once: a full bundle carries them by hash, HQ
// stores them content-addressed, and a later incremental bundle leaves out
// what HQ acknowledged.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPhotos, changeOneAnswer, editableAuditId, makeLaptop, type Laptop } from './laptop';
import { enrolLaptop, makeHq } from './hq';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import { hqPhotoFile } from '../../../electron/core/hq/store-files';
import { markAcked } from '../../../electron/core/sync/outbox-store';
import type { Hq } from '../../../electron/core/hq/context';

let root: string;
let laptop: Laptop;
let hq: Hq;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-photos-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  hq = await makeHq(root);
  enrolLaptop(hq, laptop.core);
});
afterAll(() => {
  hq.close();
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

test('photos go once, by hash; the incremental after an acknowledgement leaves them out', async () => {
  const auditId = editableAuditId(laptop.core);
  const shas = await addPhotos(laptop.core, auditId, 3);
  const full = await exportBundle(laptop.core, { out: join(root, 'full.fsb') });
  expect(full.photos).toBe(3);
  expect(full.manifest.files.filter((f) => f.path.startsWith('photos/')).map((f) => f.path.slice(7)).sort()).toEqual([...shas].sort());
  const r = await importBundleFile(hq, full.path);
  expect(r.status, r.message).toBe('imported');
  for (const sha of shas) {
    const stored = readFileSync(hqPhotoFile(hq, sha));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(sha);
  }
  markAcked(laptop.core.db, full.bundleId);

  const [extra] = await addPhotos(laptop.core, auditId, 1);
  changeOneAnswer(laptop.core, 'after the photos');
  const inc = await exportBundle(laptop.core, { out: join(root, 'inc.fsb') });
  expect(inc.photos).toBe(1);
  expect(inc.manifest.files.filter((f) => f.path.startsWith('photos/')).map((f) => f.path)).toEqual([`photos/${extra}`]);
  const r2 = await importBundleFile(hq, inc.path);
  expect(r2.status, r2.message).toBe('imported');
  expect(existsSync(hqPhotoFile(hq, extra!))).toBe(true);
});

test('an incremental that arrives before its base is held, then applied when the base lands', async () => {
  const other = await makeHq(root);
  enrolLaptop(other, laptop.core);
  const auditId = editableAuditId(laptop.core);
  const base = await exportBundle(laptop.core, { out: join(root, 'b.fsb'), full: true });
  markAcked(laptop.core.db, base.bundleId);
  await addPhotos(laptop.core, auditId, 1);
  const inc = await exportBundle(laptop.core, { out: join(root, 'i.fsb') });
  // Before its base arrives the incremental cannot be applied: it is held, then released.
  expect((await importBundleFile(other, inc.path)).status).toBe('held');
  const r = await importBundleFile(other, base.path);
  expect(r.status).toBe('imported');
  expect(r.released?.[0]?.status).toBe('imported');
  other.close();
});
