// HQ at organisation size (`npm run bench -- hq`): bundles made by the real
// laptop code (hq-data.ts; its size from hqSpecFromEnv: BENCH_HQ_AUDITS,
// BENCH_HQ_AUDITORS, BENCH_HQ_BUNDLE_EVERY), imported into a fresh HQ
// through the real import (verification, records check, projection into
// the read model, one transaction per bundle): throughput and peak memory (RSS, sampled every 20 ms in this
// process); the same files again (re-import ≤ 10 % of the first); then the
// read queries the HQ screens run, each 30 times: dashboard and tracker
// p95 < 200 ms. BENCH_HQ_QUERIES_ONLY=1 measures the queries again on the
// HQ the last run imported. The same import on PostgreSQL, with one and
// with four importers: hq-bench-pg.ts (BENCH_HQ_PG=0 leaves it out).
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openHq, type Hq } from '../../electron/core/hq/context';
import { enrolAuditor } from '../../electron/core/hq/enrol';
import { importBundleFile } from '../../electron/core/hq/import';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { hqDashboard } from '../../electron/core/hq/read/dashboard';
import { trackHq } from '../../electron/core/hq/read/tracker';
import { listHqAudits } from '../../electron/core/hq/read/audits';
import { listHqSites } from '../../electron/core/hq/read/sites';
import { getHqAudit } from '../../electron/core/hq/read/audit-detail';
import { ensureHqDataset, hqSpecFromEnv, type HqDataset } from './hq-data';
import { pgImportBench } from './hq-bench-pg';
import { figure, percentile, ms, type Bench, type Figure } from './types';
import { mbText, ownPeakSampler } from './lib/peak-rss';

const SPEC = hqSpecFromEnv();
/** Measures the queries again on the HQ the last full run imported, without importing. */
const QUERIES_ONLY = process.env.BENCH_HQ_QUERIES_ONLY === '1';
const RUNS = 30;
const TARGET_MS = 200;
const AS_OF = '2026-11-30';

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

export const hqBench: Bench = {
  name: 'hq',
  async run() {
    const lines: string[] = [];
    const log = (s: string) => { lines.push(s); console.log(`  ${s}`); };
    const { data, madeMs } = await ensureHqDataset(SPEC, log);
    const bytes = data.bundles.reduce((n, f) => n + statSync(f).size, 0);
    log(`dataset: ${data.audits} audits, ${data.answers} answers, ${data.auditors.length} auditors, ${data.bundles.length} bundles (${mb(bytes)}) in ${data.dir}`
      + (madeMs ? `, made by the laptop code in ${(madeMs / 1000).toFixed(0)} s` : ', reused'));

    const hqDir = join(data.dir, 'hq-run');
    if (QUERIES_ONLY && !existsSync(join(hqDir, 'hq.db'))) throw new Error(`BENCH_HQ_QUERIES_ONLY: ${hqDir} holds no imported HQ; run the bench once without it.`);
    if (!QUERIES_ONLY) rmSync(hqDir, { recursive: true, force: true });
    const hq = await openHq(hqDir, passphraseBox('hq-bench'));
    let ok = true;
    let sqliteMs = 0;
    const figures: Figure[] = [];
    try {
      if (!QUERIES_ONLY) ({ ok, firstMs: sqliteMs } = await importAll(hq, data, log, figures));
      ok = queries(hq, log, figures) && ok;
    } finally {
      hq.close();
    }
    if (!QUERIES_ONLY && process.env.BENCH_HQ_PG !== '0') ok = (await pgImportBench(data, sqliteMs, log)) && ok;
    return { ok, lines: [], figures };
  },
};

async function importAll(hq: Hq, data: HqDataset, log: (s: string) => void, figs: Figure[]): Promise<{ ok: boolean; firstMs: number }> {
  let ok = true;
  for (const a of data.auditors) enrolAuditor(hq.db, { publicKey: a.publicKey, auditorId: a.auditorId, name: a.name });
  const rssBeforeMB = process.memoryUsage().rss / 1048576;
  const peak = ownPeakSampler();
  const t0 = performance.now();
  const statuses = new Map<string, number>();
  for (const f of data.bundles) {
    const r = await importBundleFile(hq, f);
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    if (r.status === 'rejected' || r.status === 'failed') throw new Error(`${f}: ${r.message}`);
  }
  const first = performance.now() - t0;
  const peakMB = peak();
  const projected = (hq.db.prepare('SELECT count(*) AS n FROM hq_audit').get() as { n: number }).n;
  const answers = (hq.db.prepare('SELECT count(*) AS n FROM hq_answer').get() as { n: number }).n;
  log(`import: ${data.bundles.length} bundles in ${(first / 1000).toFixed(1)} s = ${(data.bundles.length / (first / 1000)).toFixed(1)} bundles/s, `
    + `${(projected / (first / 1000)).toFixed(1)} audits/s, ${(answers / (first / 1000)).toFixed(0)} answers/s projected (${[...statuses].map(([k, v]) => `${v} ${k}`).join(', ')})`);
  log(`read model: ${projected} audits, ${answers} answers; hq.db ${mb(statSync(hq.paths.database).size)}`);
  log(`peak RSS during import: ${mbText(peakMB)} (${mbText(rssBeforeMB)} before)`);
  if (projected !== data.audits) { ok = false; log(`MISSED: ${projected} audits projected, ${data.audits} made`); }

  const t1 = performance.now();
  for (const f of data.bundles) {
    const r = await importBundleFile(hq, f);
    if (r.status !== 'already_imported') throw new Error(`re-import of ${f}: ${r.status}`);
  }
  const again = performance.now() - t1;
  const ratio = again / first;
  log(`re-import of the same ${data.bundles.length} files: ${(again / 1000).toFixed(2)} s = ${(ratio * 100).toFixed(1)} % of the first (target ≤ 10 %)`);
  if (ratio > 0.1) ok = false;
  figs.push(
    figure(`import of ${data.bundles.length} bundles (${data.audits} audits), audits/s`, projected / (first / 1000), 'audits/s', null, 'not targeted'),
    figure('re-import time / first import', ratio, '×', { atMost: 0.1 }, `first import ${(first / 1000).toFixed(1)} s in this run`),
  );
  return { ok, firstMs: first };
}

function queries(hq: Hq, log: (s: string) => void, figs: Figure[]): boolean {
  let ok = true;
  const someAudit = (hq.db.prepare('SELECT audit_id FROM hq_audit WHERE superseded = 0 ORDER BY audit_id LIMIT 1').get() as { audit_id: string }).audit_id;
  const measured: Array<[string, () => unknown, boolean]> = [
    ['hq.dashboard (everything)', () => hqDashboard(hq.db, { filter: {}, asOf: AS_OF, top: 10 }), true],
    ['hq.dashboard (one country)', () => hqDashboard(hq.db, { filter: { country: 'IN' }, asOf: AS_OF, top: 10 }), true],
    ['hq.tracker (critical and major, overdue, zero tolerance; by due date)', () => trackHq(hq.db, { filter: { kinds: ['finding', 'overdue_action', 'zero_tolerance'], severities: ['critical', 'major'], asOf: AS_OF }, sort: { by: 'dueDate', dir: 'asc' }, page: { offset: 0, limit: 50 } }), true],
    ['hq.tracker (overdue actions by days overdue, one client)', () => trackHq(hq.db, { filter: { kinds: ['overdue_action'], severities: ['critical', 'major'], asOf: AS_OF, client: 'Northgate Bank' }, sort: { by: 'daysOverdue', dir: 'desc' }, page: { offset: 0, limit: 50 } }), true],
    ['hq.audits (by band, page 1)', () => listHqAudits(hq.db, { filter: { includeSuperseded: false }, sort: { by: 'band', dir: 'asc' }, page: { offset: 0, limit: 50 } }, AS_OF), false],
    ['hq.sites (by open findings)', () => listHqSites(hq.db, { filter: {}, sort: { by: 'openFindings', dir: 'desc' }, page: { offset: 0, limit: 50 } }, AS_OF), false],
    ['hq.audit (one audit read-only)', () => getHqAudit(hq.db, { auditId: someAudit }, { asOf: AS_OF }), false],
  ];
  for (const [name, fn, target] of measured) {
    fn();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      fn();
      times.push(performance.now() - s);
    }
    times.sort((x, y) => x - y);
    const p95 = percentile(times, 95);
    const miss = target && p95 >= TARGET_MS;
    if (miss) ok = false;
    figs.push(figure(`${name}, p95`, p95, 'ms', target ? { below: TARGET_MS } : null, target ? 'the target' : 'not targeted'));
    log(`${name}: p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)}${target ? ` (target < ${TARGET_MS} ms${miss ? ': MISSED' : ''})` : ''}`);
  }
  return ok;
}
