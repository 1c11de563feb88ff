// Memory that does not grow with the number of audits: the export makes
// each audit's document only when the zip writer reaches it, and HQ reads
// back from its staging folder the documents past its in-memory budget.
// (The peak figures themselves are measured by `npm run bench -- bundle`.)
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLaptop, type Laptop } from './laptop';
import { enrolLaptop, hqState, makeHq } from './hq';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import { listOutbox } from '../../../electron/core/sync/outbox-store';
import { uuidv7 } from '../../../shared/ids';

let root: string;
let laptop: Laptop;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-bounded-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
});
afterAll(() => {
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

const auditIds = (): string[] => (laptop.core.db.prepare('SELECT id FROM audits ORDER BY created_at, id').all() as Array<{ id: string }>).map((r) => r.id);

test('the second audit is read only after the first is written: a photo added meanwhile stops the export, leaving nothing', async () => {
  const [first, second] = auditIds();
  expect(second).toBeTruthy();
  const db = laptop.core.db;
  const before = listOutbox(db).length;
  const out = join(root, 'changed.fsb');
  let changed = false;
  // Once the first document's bytes are on their way, a photo row appears on
  // the second audit (as if the auditor added one while the bundle was made).
  // A writer that read every audit first would not see it and would make a
  // bundle whose record disagrees with the auditor's data on the laptop.
  const run = exportBundle(laptop.core, {
    out, auditIds: [first!, second!], recipient: null,
    onProgress: () => {
      if (changed) return;
      changed = true;
      const sha = randomBytes(32).toString('hex');
      const now = new Date().toISOString();
      db.prepare(`INSERT INTO photo_files (sha256, ext, format, bytes, width, height, created_at) VALUES (?, 'jpg', 'jpeg', 10, 1, 1, ?)`).run(sha, now);
      db.prepare(`INSERT INTO photos (id, audit_id, sha256, scope, ref, caption, created_at, capture_source, original_name, updated_at)
        VALUES (?, ?, ?, 'audit', '', 'late', ?, 'added', 'late.jpg', ?)`).run(uuidv7(), second, sha, now, now);
    },
  });
  await expect(run).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(second!) });
  expect(changed).toBe(true);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(root).filter((f) => f.includes('.part'))).toEqual([]);
  expect(listOutbox(db)).toHaveLength(before);
  db.prepare("DELETE FROM photos WHERE caption = 'late'").run();
});

test('HQ imports the same way with every audit document read back from staging as with all kept in memory', async () => {
  const full = await exportBundle(laptop.core, { out: join(root, 'full.fsb'), full: true, recipient: null });
  expect(full.audits).toBeGreaterThan(1);
  const kept = await makeHq(root);
  const reread = await makeHq(root);
  try {
    enrolLaptop(kept, laptop.core);
    enrolLaptop(reread, laptop.core);
    const a = await importBundleFile(kept, full.path);
    const b = await importBundleFile(reread, full.path, { limits: { keptDocBytes: 0 } });
    expect(a.status, a.message).toBe('imported');
    expect(b.status, b.message).toBe('imported');
    expect(b.audits).toEqual(a.audits);
    expect(hqState(reread)).toEqual(hqState(kept));
    expect(readdirSync(reread.paths.staging)).toEqual([]);
  } finally {
    kept.close();
    reread.close();
  }
});
