// The audits a bundle is asked for by id are checked against the laptop's
// list in one read (not one statement per audit): an unknown id is still
// refused by name, before anything is written.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLaptop, type Laptop } from './laptop';
import { exportBundle } from '../../../electron/core/bundle/export';
import { listOutbox } from '../../../electron/core/sync/outbox-store';

let root: string;
let laptop: Laptop;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-export-ids-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
});
afterAll(() => {
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

test('an unknown audit id is refused by name and nothing is made; known ids make a bundle of those audits only', async () => {
  const [first] = (laptop.core.db.prepare('SELECT id FROM audits ORDER BY created_at, id').all() as Array<{ id: string }>).map((r) => r.id);
  const missing = '0193a0f0-0000-7000-8000-00000000dead';
  const before = listOutbox(laptop.core.db).length;
  await expect(exportBundle(laptop.core, { auditIds: [first!, missing], out: join(root, 'x.fsb'), recipient: null, full: true }))
    .rejects.toMatchObject({ code: 'not_found', message: `There is no audit ${missing}.` });
  expect(readdirSync(root).filter((f) => f.endsWith('.fsb') || f.includes('.part'))).toEqual([]);
  expect(listOutbox(laptop.core.db)).toHaveLength(before);
  const one = await exportBundle(laptop.core, { auditIds: [first!], out: join(root, 'one.fsb'), recipient: null, full: true });
  expect(one.audits).toBe(1);
});
