// Four importer processes against one PostgreSQL and one shared HQ folder,
// over the same bundles and over overlapping sets, each in its own order
// (so incremental bundles often arrive before their base): every bundle is
// imported exactly once across the four (never lost, never twice), the
// rows equal those of one SQLite HQ importing them in order, nothing stays
// held, and a second pass of all four imports nothing new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportBundle } from '../../../electron/core/bundle/export';
import { markAcked } from '../../../electron/core/sync/outbox-store';
import { importBundleFile } from '../../../electron/core/hq/import';
import type { HqFolder } from '../../../electron/core/hq/context';
import { pgStoreOf } from '../../../electron/core/hq/engine/open';
import { changeOneAnswer, makeLaptop, type Laptop } from '../bundle/laptop';
import { enrolLaptop, makeHq } from '../bundle/hq';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { enrolInput, makeBundleSet, makePgHq, queryOf, stateOf, type BundleSet } from './pg-hq';

const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));

interface Line { bundleId?: string; status: string; released: boolean; message: string }

function importer(dir: string, url: string, files: string[]): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, url, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line)) : reject(new Error(`importer exited ${code}: ${err}`))));
  });
}

/** A fixed shuffle per importer: each sees the bundles in another order. */
function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let s = seed * 2654435761 % 4294967296;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1664525 + 1013904223) % 4294967296;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

describe.skipIf(!!skip)('four importers on one PostgreSQL', () => {
  let root: string;
  let server: PgServer;
  let set: BundleSet;
  const more: Laptop[] = [];
  let files: string[];
  let reference: unknown;
  const open: HqFolder[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-pgconc-'));
    server = await startPg();
    set = await makeBundleSet(root);
    files = Object.values(set.files);
    // Three more auditors, each a full bundle and two incremental ones on it.
    for (const n of [3, 4, 5]) {
      const l = await makeLaptop(`Auditor ${n}`, `AUD-00${n}`, root);
      more.push(l);
      for (const step of [1, 2, 3]) {
        if (step > 1) changeOneAnswer(l.core, `answer ${step}`);
        const out = join(root, `l${n}-${step}.fsb`);
        markAcked(l.core.db, (await exportBundle(l.core, { out })).bundleId);
        files.push(out);
      }
    }
    const hq = await makeHq(root);
    for (const l of [set.a.core, set.b.core, ...more.map((m) => m.core)]) enrolLaptop(hq, l);
    for (const f of files) expect((await importBundleFile(hq, f)).status).toBe('imported');
    reference = await stateOf(queryOf(hq));
    hq.close();
  }, 240_000);

  afterAll(async () => {
    for (const hq of open) await hq.store.close();
    for (const l of more) l.core.close();
    set?.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function pgHq(name: string): Promise<HqFolder> {
    const hq = await makePgHq(root, await createDatabase(server, name));
    for (const l of [set.a.core, set.b.core, ...more.map((m) => m.core)]) await hq.store.enrol(enrolInput(l));
    open.push(hq);
    return hq;
  }

  async function runFour(hq: HqFolder, sets: string[][]): Promise<Line[]> {
    const url = pgStoreOf(hq)!.pool.options.connectionString!;
    const lines = (await Promise.all(sets.map((s) => importer(hq.paths.dir, url, s)))).flat();
    for (const l of lines) expect(['imported', 'already_imported', 'held'], l.message).toContain(l.status);
    return lines;
  }

  /** Every bundle imported exactly once across the importers, the rows as one SQLite HQ has them, nothing held. */
  async function expectExactlyOnce(hq: HqFolder, lines: Line[]): Promise<void> {
    const imported = lines.filter((l) => l.status === 'imported').map((l) => l.bundleId!).sort();
    expect(imported).toHaveLength(files.length);
    expect(new Set(imported).size).toBe(files.length);
    const q = queryOf(hq);
    expect(await q("SELECT count(*)::int AS n, count(*) FILTER (WHERE state = 'imported')::int AS imported FROM bundles")).toEqual([{ n: files.length, imported: files.length }]);
    expect(await stateOf(q)).toEqual(reference);
    expect(readdirSync(hq.paths.held)).toEqual([]);
  }

  it('over the same bundles, each importer in its own order', async () => {
    const hq = await pgHq('same');
    const lines = await runFour(hq, [1, 2, 3, 4].map((k) => shuffled(files, k)));
    await expectExactlyOnce(hq, lines);
    const again = await runFour(hq, [5, 6, 7, 8].map((k) => shuffled(files, k)));
    expect(again.filter((l) => l.status !== 'already_imported')).toEqual([]);
    expect(again).toHaveLength(4 * files.length);
    expect(await stateOf(queryOf(hq))).toEqual(reference);
  }, 240_000);

  it('over overlapping sets that only together hold every bundle', async () => {
    const hq = await pgHq('overlap');
    const order = shuffled(files, 11);
    const n = order.length;
    // Importer k takes a window of two thirds of the bundles starting at k quarters: neighbours overlap.
    const sets = [0, 1, 2, 3].map((k) => Array.from({ length: Math.ceil((2 * n) / 3) }, (_, i) => order[(Math.floor((k * n) / 4) + i) % n]!));
    expect(new Set(sets.flat()).size).toBe(n);
    const lines = await runFour(hq, sets);
    await expectExactlyOnce(hq, lines);
    const again = await runFour(hq, sets.map((s) => shuffled(s, 3)));
    expect(again.filter((l) => l.status !== 'already_imported')).toEqual([]);
    expect(await stateOf(queryOf(hq))).toEqual(reference);
  }, 240_000);
});
