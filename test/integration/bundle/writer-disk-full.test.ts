// A bundle written to a disk that fills up: the export is refused with a
// sentence that says the disk is full and what to do (not the system's
// "ENOSPC"), nothing is left behind, and the laptop records no bundle; the
// same export succeeds once there is room. The failure is made where the
// writer writes: node:fs's createWriteStream returns ENOSPC on its first
// write for paths under a chosen folder, as a full filesystem would.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLaptop, type Laptop } from './laptop';
import { exportBundle } from '../../../electron/core/bundle/export';
import { AppError } from '../../../shared/errors';
import { coreEnglish } from '../../../shared/core-messages';

const full = vi.hoisted(() => ({ under: null as string | null }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const { Writable } = await import('node:stream');
  const createWriteStream = ((path: string, opts?: unknown) => {
    if (full.under && String(path).startsWith(full.under)) {
      return new Writable({ write(_c, _e, cb) { cb(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })); } });
    }
    return fs.createWriteStream(path, opts as Parameters<typeof fs.createWriteStream>[1]);
  }) as typeof fs.createWriteStream;
  return { ...fs, default: { ...fs, createWriteStream }, createWriteStream };
});

let root: string;
let laptop: Laptop;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-export-full-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
}, 60_000);
afterAll(() => {
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

const bundlesMade = () => (laptop.core.db.prepare('SELECT count(*) AS n FROM bundles_out').get() as { n: number }).n;

test('a full disk refuses the export with what to do, leaves nothing, records nothing; with room it is made', async () => {
  const stick = join(root, 'stick');
  mkdirSync(stick);
  full.under = stick;
  const error = await exportBundle(laptop.core, { out: join(stick, 'b.fsb'), recipient: null }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('storage');
  expect((error as AppError).text).toEqual({ key: 'bundleOut.diskFull', params: { folder: stick } });
  expect(coreEnglish((error as AppError).text!)).toBe(`The disk is full, so the bundle was not made (${stick}). Nothing was lost: free some space on that disk (delete old bundles, downloads or videos), then make the bundle again.`);
  expect(readdirSync(stick)).toEqual([]);
  expect(bundlesMade()).toBe(0);

  full.under = null;
  const made = await exportBundle(laptop.core, { out: join(stick, 'b.fsb'), recipient: null });
  expect(made.size).toBeGreaterThan(0);
  expect(readdirSync(stick)).toEqual(['b.fsb']);
  expect(bundlesMade()).toBe(1);
}, 60_000);
