// The PostgreSQL part of `npm run bench -- hq`: the same bundles imported
// into HQ on a real PostgreSQL (started here like the tests start it), by
// one importer in this process and by four importer processes sharing the
// server and one HQ folder, each taking a quarter of the laptops (each
// laptop's bundles in order, as one analyst's machine would); then the same
// files again (re-import ≤ 10 % of the first); peak RSS of each importer.
// Printed beside the SQLite figure of the same run. BENCH_HQ_PG=0 leaves it out.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openHqFolder, pgStoreOf } from '../../electron/core/hq/engine/open';
import { importBundleFile } from '../../electron/core/hq/import';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { createDatabase, pgUnavailable, startPg, type PgServer } from '../integration/hq-pg/pg-server';
import { HQ_PASSPHRASE } from '../integration/hq-pg/pg-hq';
import type { HqDataset } from './hq-data';
import { hwmWatcher, mbText, ownPeakSampler, readProcMemory } from './lib/peak-rss';

const CHILD = fileURLToPath(new URL('../integration/hq-pg/import-child.ts', import.meta.url));
const IMPORTERS = 4;

type Log = (s: string) => void;

async function freshHq(server: PgServer, name: string, data: HqDataset) {
  const url = await createDatabase(server, name);
  const hq = await openHqFolder(mkdtempSync(join(tmpdir(), `fs-hqbench-${name}-`)), passphraseBox(HQ_PASSPHRASE), { db: url, create: true });
  for (const a of data.auditors) await hq.store.enrol(a);
  return { hq, url };
}

/** Starts the importers, waits until each has HQ open, then lets them go together; resolves with the statuses and the time from go to the last done. */
async function importers(dir: string, url: string, sets: string[][]): Promise<{ statuses: string[]; ms: number; baselineMB: number[]; peakMB: number[] }> {
  const children = sets.map((files) => spawn(process.execPath, ['--import', 'tsx', CHILD, dir, url, ...files], {
    stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, FAIRSITE_WAIT_GO: '1' },
  }));
  const outs = children.map(() => '');
  const ready = children.map((c, i) => new Promise<void>((resolve) => c.stdout.on('data', (d: Buffer) => {
    outs[i] += d.toString();
    if (outs[i]!.startsWith('ready\n')) resolve();
  })));
  const done = children.map((c) => new Promise<void>((resolve, reject) => {
    c.on('error', reject);
    c.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`importer exited ${code}`))));
  }));
  await Promise.all(ready);
  const baselineMB = children.map((c) => readProcMemory(c.pid!)?.rssMB ?? NaN);
  const stop = hwmWatcher(children.map((c) => c.pid!));
  const t0 = performance.now();
  for (const c of children) c.stdin.end('go\n');
  await Promise.all(done);
  const ms = performance.now() - t0;
  const peakMB = stop();
  const statuses = outs.flatMap((o) => o.split('\n').slice(1).filter(Boolean).map((l) => (JSON.parse(l) as { status: string }).status));
  return { statuses, ms, baselineMB, peakMB };
}

/** Whole laptops per importer, their bundles in arrival order. */
function byLaptop(files: string[], n: number): string[][] {
  const laptops = [...new Set(files.map((f) => basename(f).slice(0, 4)))];
  return Array.from({ length: n }, (_, k) => files.filter((f) => laptops.indexOf(basename(f).slice(0, 4)) % n === k));
}

const rate = (n: number, msTaken: number) => `${(n / (msTaken / 1000)).toFixed(1)} bundles/s`;

export async function pgImportBench(data: HqDataset, sqliteFirstMs: number, log: Log): Promise<boolean> {
  const why = pgUnavailable();
  if (why) {
    log(`PostgreSQL: not measured: ${why}`);
    return true;
  }
  const n = data.bundles.length;
  log(`SQLite, 1 importer (this run): ${n} bundles in ${(sqliteFirstMs / 1000).toFixed(1)} s = ${rate(n, sqliteFirstMs)}`);
  const server = await startPg();
  let ok = true;
  try {
    const one = await freshHq(server, 'bench1', data);
    try {
      const before = process.memoryUsage().rss / 1048576;
      const peak = ownPeakSampler();
      const t0 = performance.now();
      for (const f of data.bundles) {
        const r = await importBundleFile(one.hq, f);
        if (r.status !== 'imported' && r.status !== 'held') throw new Error(`${f}: ${r.status}: ${r.message}`);
      }
      const first = performance.now() - t0;
      const peakMB = peak();
      const t1 = performance.now();
      for (const f of data.bundles) if ((await importBundleFile(one.hq, f)).status !== 'already_imported') throw new Error(`re-import of ${f} was not a no-op`);
      const again = performance.now() - t1;
      ok = (await check(one.hq, data, log)) && ok;
      log(`PostgreSQL, 1 importer: ${n} bundles in ${(first / 1000).toFixed(1)} s = ${rate(n, first)}; re-import ${(again / 1000).toFixed(2)} s = ${((again / first) * 100).toFixed(1)} % of the first (target ≤ 10 %); peak RSS ${mbText(peakMB)} (${mbText(before)} before, in the bench process)`);
      if (again / first > 0.1) ok = false;
    } finally {
      await one.hq.store.close();
      rmSync(one.hq.paths.dir, { recursive: true, force: true });
    }

    const four = await freshHq(server, 'bench4', data);
    try {
      const sets = byLaptop(data.bundles, IMPORTERS);
      const { statuses: first, ms: took, baselineMB, peakMB } = await importers(four.hq.paths.dir, four.url, sets);
      const { statuses: again, ms: againMs } = await importers(four.hq.paths.dir, four.url, sets);
      const imported = first.filter((s) => s === 'imported').length;
      if (imported !== n || again.some((s) => s !== 'already_imported')) {
        ok = false;
        log(`MISSED: ${IMPORTERS} importers imported ${imported} of ${n}; the second pass was not all already imported`);
      }
      ok = (await check(four.hq, data, log)) && ok;
      log(`PostgreSQL, ${IMPORTERS} importer processes: ${n} bundles in ${(took / 1000).toFixed(1)} s = ${rate(n, took)}; re-import ${(againMs / 1000).toFixed(2)} s = ${((againMs / took) * 100).toFixed(1)} % of the first (target ≤ 10 %; timed from all ${IMPORTERS} ready to the last done); peak RSS of each importer ${peakMB.map(mbText).join(', ')} (after start-up ${baselineMB.map(mbText).join(', ')})`);
      if (againMs / took > 0.1) ok = false;
    } finally {
      await four.hq.store.close();
      rmSync(four.hq.paths.dir, { recursive: true, force: true });
    }
  } finally {
    server.stop();
  }
  return ok;
}

async function check(hq: Awaited<ReturnType<typeof openHqFolder>>, data: HqDataset, log: Log): Promise<boolean> {
  const pool = pgStoreOf(hq)!.pool;
  const q = async (sql: string) => Number(((await pool.query(sql)).rows[0] as { n: string }).n);
  const bundles = await q("SELECT count(*) AS n FROM bundles WHERE state = 'imported'");
  const audits = await q('SELECT count(*) AS n FROM hq_audit');
  if (bundles === data.bundles.length && audits === data.audits) return true;
  log(`MISSED: PostgreSQL holds ${bundles} imported bundles (of ${data.bundles.length}) and ${audits} projected audits (of ${data.audits})`);
  return false;
}
