// HQ's own disk filling up during an import is HQ's problem, not the
// bundle's: the import says so, changes nothing, and the same file imports
// once there is room. The failure is made where the real code writes: the
// file streams of node:fs (staging extraction and decryption) return ENOSPC
// for paths under a chosen folder, as a full filesystem would; so does
// writeFileSync (small stored photos are written in one piece).
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPhotos, makeLaptop, type Laptop } from './laptop';
import { enrolLaptop, makeHq, snapshot } from './hq';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import { initHqKey } from '../../../electron/core/hq/keys';
import type { Hq } from '../../../electron/core/hq/context';

const full = vi.hoisted(() => ({ under: null as string | null, statfsFree: null as number | null }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const { Writable } = await import('node:stream');
  const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  const createWriteStream = ((path: string, opts?: unknown) => {
    if (full.under && String(path).startsWith(full.under)) {
      // Opens like a file would, then fails the first write that would not fit.
      return new Writable({ write(_c, _e, cb) { cb(noSpace()); } });
    }
    return fs.createWriteStream(path, opts as Parameters<typeof fs.createWriteStream>[1]);
  }) as typeof fs.createWriteStream;
  const writeFileSync = ((path: string, data: unknown, o?: unknown) => {
    if (full.under && String(path).startsWith(full.under)) throw noSpace();
    return fs.writeFileSync(path, data as Parameters<typeof fs.writeFileSync>[1], o as Parameters<typeof fs.writeFileSync>[2]);
  }) as typeof fs.writeFileSync;
  const statfsSync = ((path: string, o?: unknown) => {
    const s = fs.statfsSync(path, o as Parameters<typeof fs.statfsSync>[1]);
    return full.statfsFree === null ? s : { ...s, bavail: Math.floor(full.statfsFree / Number(s.bsize)) };
  }) as typeof fs.statfsSync;
  return { ...fs, default: { ...fs, createWriteStream, writeFileSync, statfsSync }, createWriteStream, writeFileSync, statfsSync };
});

let root: string;
let laptop: Laptop;
let hq: Hq;
let plain: string;
let encrypted: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hqfull-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  await addPhotos(laptop.core, laptop.auditIds[0]!, 2);
  hq = await makeHq(root);
  enrolLaptop(hq, laptop.core);
  const { recipient } = await initHqKey(hq);
  plain = join(root, 'plain.fsb');
  encrypted = join(root, 'enc.fsb');
  await exportBundle(laptop.core, { out: plain, recipient: null });
  await exportBundle(laptop.core, { out: encrypted, recipient, full: true });
}, 60_000);
afterAll(() => {
  hq.close();
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

describe("HQ's disk is full", () => {
  test.each([
    ['a plain bundle (its photos extracted to staging)', () => plain],
    ['an encrypted bundle (decrypted to staging)', () => encrypted],
  ])('%s: says HQ\'s disk is full, not that the bundle is damaged', async (_name, file) => {
    const before = snapshot(hq.paths.dir);
    full.under = hq.paths.staging;
    let r;
    try {
      r = await importBundleFile(hq, file());
    } finally {
      full.under = null;
    }
    expect(r.status, r.message).toBe('failed');
    expect(r.reason).toBe('hq_disk_full');
    expect(r.message).toMatch(/Headquarters' disk is full .*Nothing is wrong with the bundle.*Free space on this disk, then import the same file again/s);
    expect(r.message).not.toMatch(/damaged|truncated|cut short/);
    expect(snapshot(hq.paths.dir)).toEqual(before);
    expect(readdirSync(hq.paths.staging)).toEqual([]);
  });

  test('too little free space for staging is said before anything is written', async () => {
    const before = snapshot(hq.paths.dir);
    full.statfsFree = 1024 * 1024;
    let r;
    try {
      r = await importBundleFile(hq, encrypted);
    } finally {
      full.statfsFree = null;
    }
    expect(r).toMatchObject({ status: 'failed', reason: 'hq_disk_full' });
    expect(r.message).toMatch(/needs about [\d.]+ MB free for this bundle; 1\.05 MB are/);
    expect(snapshot(hq.paths.dir)).toEqual(before);
  });

  test('with room again, the same file imports', async () => {
    const r = await importBundleFile(hq, plain);
    expect(r.status, r.message).toBe('imported');
  });
});
