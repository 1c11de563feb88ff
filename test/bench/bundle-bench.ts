// Sync bundles. (1) For an audit with 1 GB of photo originals (and 4 GB
// with BENCH_BUNDLE_4GB=1): export, laptop-side verify and HQ import, each
// unencrypted and encrypted to HQ's age key, each in its own child process
// (time and peak RSS, baseline after start-up beside it), against `zip -0
// -r` and `unzip` + `sha256sum` of the same bytes in the same run. (2) The
// incremental bundle after one changed answer: size and time. (3) HQ import
// of 1,000 small bundles from 20 auditors, then the same 1,000 again, each
// pass in its own child process. (4) With BENCH_BUNDLE_AUDITS=1000 (or
// another size): the full bundle of the five-year laptop (laptop-data.ts,
// made once and reused), exported and imported at HQ, each in its own
// process: memory must not grow with the number of audits.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../../electron/core/core';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { exportBundle } from '../../electron/core/bundle/export';
import { markAcked } from '../../electron/core/sync/outbox-store';
import { changeAnswer, editableTextAnswer, enrol, HQ_PASS, hqWithKey, laptop, laptopPass, placePhotos, smallBundles } from './bundle-data';
import { describePeak, mbText, measurePeakRss, runTool, type PeakRssResult } from './lib/peak-rss';
import { datasetDir, ensureLaptop, LAPTOP_PASSPHRASE } from './laptop-data';
import { loadSigningKey } from '../../electron/core/keys/signing-key';
import { enrolAuditor } from '../../electron/core/hq/enrol';
import { figure, type Bench, type Figure } from './types';

// BENCH_BUNDLE_MB=none leaves the big audit out (e.g. to measure only BENCH_BUNDLE_AUDITS).
const SIZES_MB = process.env.BENCH_BUNDLE_MB
  ? process.env.BENCH_BUNDLE_MB === 'none' ? [] : process.env.BENCH_BUNDLE_MB.split(',').map(Number)
  : process.env.BENCH_BUNDLE_4GB === '1' ? [1024, 4096] : [1024];
const MANY_AUDITS = process.env.BENCH_BUNDLE_AUDITS ? process.env.BENCH_BUNDLE_AUDITS.split(',').map(Number) : [];
const SMALL_BUNDLES = Number(process.env.BENCH_SMALL_BUNDLES ?? 1000);
const AUDITORS = 20;
const TARGET = { bigPeakMB: 256, manyPeakMB: 300, ratio: 0.5, incBytes: 100_000, incMs: 200, reimport: 0.1 };
const CHILD = fileURLToPath(new URL('./bundle-bench-child.ts', import.meta.url));
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A measured child (bundle-bench-child.ts) with the work's own wall time as `ms`. */
async function measure(script: string, args: string[]): Promise<PeakRssResult & { ms: number }> {
  const m = await measurePeakRss(script, args, { timeoutMs: 3_600_000 });
  return { ...m, ms: m.work?.ms ?? m.wallMs };
}

const timed = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};

function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

/** Import must say "imported": a refused bundle would be measured doing less work. */
function importedAll(f: PeakRssResult, n: number, status = 'imported'): void {
  const counts = f.result.counts as Record<string, number>;
  if (counts[status] !== n) throw new Error(`expected ${n} ${status}, got ${JSON.stringify(counts)}: ${String(f.result.failure)}`);
}

async function bigAudit(root: string, sizeMB: number, lines: string[], withIncremental: boolean, figs: Figure[]): Promise<boolean> {
  // Laptop, both bundles, HQ's stores, staging (twice for the encrypted one) and the unzip baseline.
  const need = sizeMB * 1048576 * 6;
  if (freeBytes(root) < need) {
    lines.push(`${sizeMB} MB: SKIPPED, ${mbText(freeBytes(root) / 1048576)} free in ${root}, ${mbText(need / 1048576)} needed`);
    return false;
  }
  const core = await laptop(root, 0);
  const hqClean = join(root, 'hq-clean');
  const { hq, recipient } = await hqWithKey(hqClean);
  enrol(hq, core, 0);
  hq.close();
  const { auditId } = editableTextAnswer(core);
  const count = placePhotos(core, auditId, sizeMB);
  const dataDir = core.paths.dataDir;
  const photosDir = core.paths.photos;
  core.close();
  const photoDirs = readdirSync(photosDir).filter((d) => /^[0-9a-f]{2}$/.test(d));
  execFileSync('sync');

  const plain = join(root, 'plain.fsb');
  const sealed = join(root, 'sealed.fsb');
  const exPlain = await measure(CHILD, ['export', dataDir, laptopPass(0), auditId, plain]);
  const zipOut = join(root, 'ref.zip');
  const zip = runTool('zip', ['-0', '-r', '-q', zipOut, ...photoDirs], photosDir);
  rmSync(zipOut, { force: true });
  const exSealed = await measure(CHILD, ['export', dataDir, laptopPass(0), auditId, sealed, recipient]);
  const size = exPlain.result.size as number;

  const vPlain = await measure(CHILD, ['verify', plain, hqClean, HQ_PASS]);
  const vSealed = await measure(CHILD, ['verify', sealed, hqClean, HQ_PASS]);
  const hqA = join(root, 'hq-a');
  cpSync(hqClean, hqA, { recursive: true });
  const imPlain = await measure(CHILD, ['import', hqA, HQ_PASS, plain]);
  importedAll(imPlain, 1);
  rmSync(hqA, { recursive: true, force: true });
  cpSync(hqClean, hqA, { recursive: true });
  const imSealed = await measure(CHILD, ['import', hqA, HQ_PASS, sealed]);
  importedAll(imSealed, 1);
  rmSync(hqA, { recursive: true, force: true });

  const unz = join(root, 'unzipped');
  const unzip = runTool('unzip', ['-q', plain, '-d', unz]);
  const shaFiles = readdirSync(join(unz, 'photos')).map((f) => join('photos', f));
  const sum = runTool('sha256sum', shaFiles, unz);
  rmSync(unz, { recursive: true, force: true });

  const exportRatio = zip.ms / exPlain.ms;
  const importRatio = (unzip.ms + sum.ms) / imPlain.ms;
  const measured = { 'export': exPlain, 'export, encrypted': exSealed, 'verify (laptop side)': vPlain, 'verify, encrypted': vSealed, 'HQ import': imPlain, 'HQ import, encrypted': imSealed };
  const peaksOk = Object.values(measured).every((f) => f.peakMB < TARGET.bigPeakMB);
  lines.push(`${sizeMB} MB: audit with ${count} photos, ${mbText(size / 1048576)} bundle (${mbText((exSealed.result.size as number) / 1048576)} encrypted); each line its own process`);
  const before = sizeMB >= 4096 ? 'not measured encrypted before' : 'export 814 MB, HQ import 818 MB in issue 19';
  for (const [what, f] of Object.entries(measured)) {
    figs.push(figure(`${sizeMB} MB audit, ${what}: peak RSS`, f.peakMB, 'MB', { below: TARGET.bigPeakMB }, before));
    lines.push(`  ${what.padEnd(22)} ${sec(f.ms).padStart(8)} (${(size / 1048576 / (f.ms / 1000)).toFixed(0)} MB/s)  ${describePeak(f)}  (target < ${TARGET.bigPeakMB} MB)`);
  }
  lines.push(
    `  baselines: zip -0 -r ${sec(zip.ms)}, peak ${mbText(zip.peakMB)}; unzip ${sec(unzip.ms)}, peak ${mbText(unzip.peakMB)}; sha256sum ${sec(sum.ms)}, peak ${mbText(sum.peakMB)}`,
    `  throughput vs baseline: export ${exportRatio.toFixed(2)} of zip -0 -r, import ${importRatio.toFixed(2)} of unzip + sha256sum (targets >= ${TARGET.ratio})`,
  );
  figs.push(
    figure(`${sizeMB} MB audit, export throughput / zip -0 -r`, exportRatio, '×', { atLeast: TARGET.ratio }, `zip -0 -r ${sec(zip.ms)} in this run`),
    figure(`${sizeMB} MB audit, HQ import throughput / unzip + sha256sum`, importRatio, '×', { atLeast: TARGET.ratio }, `unzip + sha256sum ${sec(unzip.ms + sum.ms)} in this run`),
  );
  rmSync(sealed, { force: true });
  let incOk = true;
  if (withIncremental) {
    // One changed answer after HQ acknowledged the full bundle. The gigabytes
    // just written are flushed first: otherwise the database's fsync waits
    // for them, which measures the disk, not the bundle.
    const again = await openCore({ dataDir, secretBox: passphraseBox(laptopPass(0)) });
    markAcked(again.db, exPlain.result.bundleId as string);
    execFileSync('sync');
    changeAnswer(again, 'One answer changed after the big bundle went.');
    const [inc, tInc] = await timed(() => exportBundle(again, { out: join(root, 'inc.fsb'), recipient: null }));
    lines.push(`  incremental after one changed answer: ${(inc.size / 1000).toFixed(1)} kB in ${tInc.toFixed(0)} ms, ${inc.photos} photos re-sent (targets < 100 kB, < 200 ms)`);
    incOk = inc.size < TARGET.incBytes && tInc < TARGET.incMs;
    figs.push(
      figure('incremental bundle after one changed answer (big audit)', tInc, 'ms', { below: TARGET.incMs }, 'the laptop bench has it at 1,000 audits'),
      figure('its size', inc.size / 1000, 'kB', { below: TARGET.incBytes / 1000 }, 'the full bundle'),
    );
    again.close();
  }
  for (const p of ['laptop-0', 'hq-clean', 'plain.fsb', 'inc.fsb']) rmSync(join(root, p), { recursive: true, force: true });
  return peaksOk && exportRatio >= TARGET.ratio && importRatio >= TARGET.ratio && incOk;
}

async function manySmall(root: string, lines: string[], figs: Figure[]): Promise<boolean> {
  const hqDir = join(root, 'hq-many');
  const { hq } = await hqWithKey(hqDir);
  const [files, tMake] = await timed(() => smallBundles(root, hq, SMALL_BUNDLES, AUDITORS));
  hq.close();
  const list = join(root, 'small.txt');
  writeFileSync(list, files.join('\n'));
  const first = await measure(CHILD, ['import-list', hqDir, HQ_PASS, list]);
  importedAll(first, files.length);
  const again = await measure(CHILD, ['import-list', hqDir, HQ_PASS, list]);
  importedAll(again, files.length, 'already_imported');
  const ok = first.peakMB < TARGET.manyPeakMB && again.peakMB < TARGET.manyPeakMB && again.ms <= TARGET.reimport * first.ms;
  figs.push(
    figure(`HQ import of ${files.length} bundles: peak RSS`, first.peakMB, 'MB', { below: TARGET.manyPeakMB }, '925 MB in issue 19'),
    figure(`the same ${files.length} again: peak RSS`, again.peakMB, 'MB', { below: TARGET.manyPeakMB }, '925 MB in issue 19'),
    figure('re-import time / first import', again.ms / first.ms, '×', { atMost: TARGET.reimport }, `first import ${sec(first.ms)} in this run`),
  );
  lines.push(
    `${files.length} bundles from ${AUDITORS} auditors (made in ${sec(tMake)}; each a full bundle then incrementals), each pass its own process`,
    `  first import ${sec(first.ms)} (${(first.ms / files.length).toFixed(1)} ms each), ${describePeak(first)} (target < ${TARGET.manyPeakMB} MB)`,
    `  re-import ${sec(again.ms)}: ${((100 * again.ms) / first.ms).toFixed(1)} % of the first (target <= 10 %), ${describePeak(again)}`,
  );
  return ok;
}

/** The full bundle of a laptop with `audits` audits: export and HQ import, each its own process. */
async function manyAudits(root: string, audits: number, lines: string[], figs: Figure[]): Promise<boolean> {
  const spec = { audits, photosPerAudit: 20 };
  await ensureLaptop(spec, () => {});
  // A copy: exporting records the bundle in the laptop's outbox.
  const dataDir = join(root, `five-year-${audits}`);
  cpSync(datasetDir(spec), dataDir, { recursive: true });
  const hqDir = join(root, `hq-five-year-${audits}`);
  const { hq } = await hqWithKey(hqDir);
  const core = await openCore({ dataDir, secretBox: passphraseBox(LAPTOP_PASSPHRASE) });
  enrolAuditor(hq.db, { publicKey: loadSigningKey(core).publicKeyRaw.toString('base64'), auditorId: 'AUD-0001', name: 'Maria Santos' });
  core.close();
  hq.close();
  const out = join(root, `five-year-${audits}.fsb`);
  const ex = await measure(CHILD, ['export-all', dataDir, LAPTOP_PASSPHRASE, out]);
  const im = await measure(CHILD, ['import', hqDir, HQ_PASS, out]);
  importedAll(im, 1);
  lines.push(
    `full bundle of ${audits} audits (${ex.result.photos as number} photos, ${mbText((ex.result.size as number) / 1048576)}), each its own process`,
    `  export     ${sec(ex.ms).padStart(8)}  ${describePeak(ex)}  (target < ${TARGET.bigPeakMB} MB)`,
    `  HQ import  ${sec(im.ms).padStart(8)}  ${describePeak(im)}  (target < ${TARGET.bigPeakMB} MB)`,
  );
  figs.push(
    figure(`full bundle of ${audits} audits, export: peak RSS`, ex.peakMB, 'MB', { below: TARGET.bigPeakMB }, '730 MB in issue 18 (1,000 audits); 240 MB before the last change'),
    figure(`full bundle of ${audits} audits, HQ import: peak RSS`, im.peakMB, 'MB', { below: TARGET.bigPeakMB }, '456–468 MB before the staged documents and direct photo reads (1,000 audits)'),
  );
  for (const p of [dataDir, hqDir, out]) rmSync(p, { recursive: true, force: true });
  return ex.peakMB < TARGET.bigPeakMB && im.peakMB < TARGET.bigPeakMB;
}

export const bundleBench: Bench = {
  name: 'bundle',
  async run() {
    const root = mkdtempSync(join(tmpdir(), 'fairsite-bundle-bench-'));
    const lines: string[] = [];
    try {
      let ok = true;
      const figures: Figure[] = [];
      for (const [i, mb] of SIZES_MB.entries()) ok = (await bigAudit(root, mb, lines, i === 0, figures)) && ok;
      if (SMALL_BUNDLES > 0) ok = (await manySmall(root, lines, figures)) && ok;
      for (const n of MANY_AUDITS) ok = (await manyAudits(root, n, lines, figures)) && ok;
      return { ok, lines, figures };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
