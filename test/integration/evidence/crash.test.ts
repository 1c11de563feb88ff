// A crash between writing a photo's files and committing its row: no row
// ever names a missing or partial file, and the sweep removes what the
// crash left behind. The crashes are real: a child process killed with
// SIGKILL, and an exception thrown at the same point in this process.
import { spawnSync } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPhotoFromFile } from '../../../electron/core/evidence/ingest';
import { originalPath } from '../../../electron/core/evidence/layout';
import { startBackgroundSweep, sweepNow } from '../../../electron/core/evidence/sweep-on-open';
import { seedAudit, testCore, type TestCore } from '../core/helpers/core-fixture';
import { counts, makeJpeg, photoTree, sha256, upload } from './helpers';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let t: TestCore;
let auditId: string;
let file: string;
let bytes: Buffer;
beforeEach(async () => {
  t = await testCore();
  auditId = (await seedAudit(t)).audit.id;
  bytes = await makeJpeg(1200, 900, { seed: 42 });
  file = join(t.dir, 'input.jpg');
  writeFileSync(file, bytes);
});
afterEach(() => t.cleanup());

function crashChild(mode: 'after-files' | 'mid-receive') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, t.core.dataDir, auditId, file, mode], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(r.signal, r.stderr).toBe('SIGKILL');
}

/** Every row's files are complete on disk. */
function rowsPointToWholeFiles() {
  const rows = t.core.db.prepare('SELECT f.sha256, f.ext, f.bytes FROM photos p JOIN photo_files f ON f.sha256 = p.sha256').all() as Array<{ sha256: string; ext: string; bytes: number }>;
  for (const r of rows) expect(existsSync(originalPath(t.core.paths.photos, r.sha256, r.ext))).toBe(true);
  return rows.length;
}

describe('crash between files and row', () => {
  it('a process killed after writing the files leaves no row, and the sweep removes the files', async () => {
    crashChild('after-files');
    expect(counts(t)).toEqual({ photos: 0, files: 0 });
    const left = photoTree(t);
    expect(left.some((f) => f.startsWith(`${sha256(bytes).slice(0, 2)}/${sha256(bytes)}.jpg`))).toBe(true);
    expect(left.some((f) => f.includes('.thumb.jpg'))).toBe(true);
    expect(rowsPointToWholeFiles()).toBe(0);
    const r = await sweepNow(t.core, 0);
    expect(r.removed).toHaveLength(3);
    expect(photoTree(t)).toEqual([]);
    // The same photo can be added afterwards as if nothing had happened.
    expect((await upload(t, auditId, bytes)).photo.sha256).toBe(sha256(bytes));
    expect(rowsPointToWholeFiles()).toBe(1);
  });

  it('a process killed while receiving leaves only a partial upload, which the sweep removes', async () => {
    crashChild('mid-receive');
    expect(counts(t)).toEqual({ photos: 0, files: 0 });
    const left = photoTree(t);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^incoming\/.+\.part \d+$/);
    expect(Number(left[0]!.split(' ')[1])).toBeLessThan(bytes.length);
    const recent = await sweepNow(t.core);
    expect(recent.removed).toEqual([]); // too recent for the default grace period: another process may own it
    await sweepNow(t.core, 0);
    expect(photoTree(t)).toEqual([]);
  });

  it('an error after the files are written commits nothing; existing photos are untouched by the sweep', async () => {
    const kept = (await upload(t, auditId, await makeJpeg(300, 200, { seed: 1 }))).photo;
    const before = photoTree(t);
    const e = await addPhotoFromFile(t.core, file, { auditId, target: { kind: 'audit' }, caption: '', originalName: 'x.jpg' }, {
      afterFiles: () => { throw new Error('disk vanished'); },
    }).then(() => null, (x: unknown) => x as Error);
    expect(e?.message).toBe('disk vanished');
    expect(counts(t)).toEqual({ photos: 1, files: 1 });
    expect(rowsPointToWholeFiles()).toBe(1);
    expect(photoTree(t).length).toBe(before.length + 3);
    await sweepNow(t.core, 0);
    expect(photoTree(t)).toEqual(before);
    expect((await t.call('evidence.list', { auditId })).map((p) => p.id)).toEqual([kept.id]);
  });

  it('removes leftover temporary files and reports rows whose file is missing', async () => {
    const { photo } = await upload(t, auditId, bytes);
    const shard = join(t.core.paths.photos, photo.sha256.slice(0, 2));
    writeFileSync(join(shard, `.${photo.sha256}.thumb.jpg.abc123.tmp`), 'half');
    const { rmSync } = await import('node:fs');
    rmSync(originalPath(t.core.paths.photos, photo.sha256, 'jpg'));
    const r = await sweepNow(t.core, 0);
    expect(r.removed.map((p) => p.slice(shard.length + 1))).toEqual([`.${photo.sha256}.thumb.jpg.abc123.tmp`]);
    expect(r.missing).toEqual([photo.sha256]);
  });
});

describe('sweeps of one core', () => {
  const plant = async () => {
    const { photo } = await upload(t, auditId, bytes);
    const shard = join(t.core.paths.photos, photo.sha256.slice(0, 2));
    const name = `.${photo.sha256}.thumb.jpg.abc123.tmp`;
    writeFileSync(join(shard, name), 'half');
    return { shard, name };
  };

  it('opening a core starts no sweep: what a test plants stays until it sweeps', async () => {
    const { shard, name } = await plant();
    expect((await t.call('evidence.list', { auditId })).length).toBe(1);
    expect(existsSync(join(shard, name))).toBe(true);
    const r = await sweepNow(t.core, 0);
    expect(r.removed).toEqual([join(shard, name)]);
  });

  it('run one after another: the file is reported once, by the sweep that removed it', async () => {
    const { shard, name } = await plant();
    startBackgroundSweep(t.core);
    const [a, b, c] = await Promise.all([sweepNow(t.core, 0), sweepNow(t.core, 0), sweepNow(t.core)]);
    expect(a.removed).toEqual([join(shard, name)]);
    expect(b.removed).toEqual([]);
    expect(c.removed).toEqual([]);
  });

  it('a background sweep with its grace period leaves a fresh file to the sweep asked for next', async () => {
    const { shard, name } = await plant();
    startBackgroundSweep(t.core);
    expect((await sweepNow(t.core, 0)).removed).toEqual([join(shard, name)]);
  });

  it('a grace of 0 takes a leftover whose time stamp is ahead of the clock', async () => {
    const { shard, name } = await plant();
    const ahead = new Date(Date.now() + 60_000);
    utimesSync(join(shard, name), ahead, ahead);
    expect((await sweepNow(t.core, 0)).removed).toEqual([join(shard, name)]);
  });
});
