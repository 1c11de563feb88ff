// The signed report of a finalized audit of 300 items, 40 findings and 200
// report-size photos (1600 px JPEGs on disk, as the store keeps them), and the
// same with 400 photos. Every figure comes from its own child process
// (lib/peak-rss.ts), inputs written to disk first:
//   - the report as the app makes it (streamed to a file, signed in the file):
//     time, peak RSS above its start-up baseline (three processes per size,
//     the median compared), file size against the photos;
//   - the same held in memory, as before the streaming writer (the baseline);
//   - bare pdfkit placing the same photos on blank pages;
//   - the same content as HTML printed by headless Chromium (print-to-PDF, the
//     path of webContents.printToPDF): time, memory of the browser tree, size.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measurePeakRss, type PeakRssResult } from './lib/peak-rss';
import { benchPhotos, FINDINGS, ITEMS, writeReportInput } from './report-input';
import { figure, type Bench } from './types';

const PHOTOS = Number(process.env.BENCH_REPORT_PHOTOS ?? 200);
const TARGET = { ms: 10_000, rssMB: 300, growth: 1.1, sizeRatio: 1.1 };
// Before the streaming writer, measured with `npm run bench -- report` at commit afec489
// (held in memory; RSS taken in the child with start-up): 336 MB here, 656 MB in issue 19's run.
const BEFORE = { peakMB: 336, issuePeakMB: 656 };

const PEAK_RUNS = 3;

/** The run whose peak is the median of the runs (its other figures come with it). */
function medianPeak(runs: PeakRssResult[]): PeakRssResult {
  return [...runs].sort((a, b) => a.peakMB - b.peakMB)[Math.floor(runs.length / 2)]!;
}

const mb = (n: number) => `${n.toFixed(0)} MB`;
const peaks = (runs: PeakRssResult[]) => runs.map((r) => r.peakMB.toFixed(0)).join(' / ');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const num = (m: PeakRssResult, k: string) => m.result[k] as number;

export const reportBench: Bench = {
  name: 'report',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'fairsite-report-bench-'));
    try {
      const paths = await benchPhotos(PHOTOS * 2);
      const json1 = await writeReportInput(dir, paths, PHOTOS);
      const json2 = await writeReportInput(dir, paths, PHOTOS * 2);
      const child = fileURLToPath(new URL('./report-bench-child.ts', import.meta.url));
      const run = (mode: string, json: string, out: string) => measurePeakRss(child, [mode, json, join(dir, out)]);
      // Each size three times, alternating: one process's peak moves by ±5 % with
      // when V8 happens to collect (the photos' buffers are freed only by a GC),
      // so the growth figure compares the medians and prints every peak.
      const r1s: PeakRssResult[] = [];
      const r2s: PeakRssResult[] = [];
      for (let i = 0; i < PEAK_RUNS; i++) {
        r1s.push(await run('report', json1, 'r1.pdf'));
        r2s.push(await run('report', json2, 'r2.pdf'));
      }
      const r1 = medianPeak(r1s);
      const r2 = medianPeak(r2s);
      const m1 = await run('memory', json1, 'm1.pdf');
      const m2 = await run('memory', json2, 'm2.pdf');
      const bare = await run('bare', json1, 'bare.pdf');
      const chrome = await measurePeakRss(fileURLToPath(new URL('./report-chromium-child.ts', import.meta.url)), [join(dir, `report-${PHOTOS}.html`), join(dir, 'chromium.pdf')], { tree: true });
      const pdfsig = execFileSync('pdfsig', [join(dir, 'r1.pdf')], { encoding: 'utf8' });
      const valid = pdfsig.includes('Signature is Valid.') && pdfsig.includes('Total document signed');
      const pages = (f: string) => /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, f)], { encoding: 'utf8' }))?.[1] ?? '?';

      const ratio = num(r1, 'bytes') / num(r1, 'imageBytes');
      const growth = r2.peakMB / r1.peakMB;
      const ours = num(r1, 'reportMs');
      const theirs = num(chrome, 'renderMs');
      const fasterThanChromium = ours <= theirs;
      const sizeVsChromium = num(r1, 'bytes') / num(chrome, 'bytes') - 1;
      // The file-size comparison is a goal reported beside the targets: the tagged report's
      // structure tree (pdfkit writes it uncompressed, without object streams) costs about 0.6 MB.
      const ok = valid && ours < TARGET.ms && r1.peakMB < TARGET.rssMB && growth <= TARGET.growth && ratio <= TARGET.sizeRatio && fasterThanChromium;
      return {
        ok,
        figures: [
          figure(`report time, ${PHOTOS} photos, signed`, ours, 'ms', { below: TARGET.ms }, `${num(m1, 'reportMs').toFixed(0)} ms held in memory in this run; 950 ms in issue 19`, num(r1, 'cpuMs')),
          figure(`peak RSS, ${PHOTOS} photos`, r1.peakMB, 'MB', { below: TARGET.rssMB }, `${m1.peakMB.toFixed(0)} MB held in memory in this run; ${BEFORE.issuePeakMB} MB in issue 19`),
          figure(`peak RSS, ${PHOTOS * 2} photos / ${PHOTOS} photos`, growth, '×', { atMost: TARGET.growth }, `${(m2.peakMB / m1.peakMB).toFixed(2)} × held in memory in this run`),
          figure('file size / embedded images', ratio, '×', { atMost: TARGET.sizeRatio }, 'the images alone: 1.0 ×'),
          figure('Chromium print-to-PDF time / ours', theirs / ours, '×', { atLeast: 1 }, '4.9 × in issue 19'),
          figure('signature valid (pdfsig)', valid ? 1 : 0, '', { atLeast: 1 }, 'valid'),
        ],
        lines: [
          `${ITEMS} items, ${FINDINGS} findings, ${PHOTOS} photos → ${num(r1, 'pages')} pages, signed; pdfsig: ${valid ? 'Signature is Valid, total document signed' : 'NOT VALID'}`,
          `report time ${s(ours)} (layout ${s(num(r1, 'renderMs'))} + signing ${s(num(r1, 'signMs'))}; CPU ${s(num(r1, 'cpuMs'))}; held in memory, before: ${s(num(m1, 'reportMs'))}) — target < ${s(TARGET.ms)}; longest event-loop stall ${num(r1, 'maxLagMs').toFixed(0)} ms`,
          `peak RSS, ${PHOTOS} photos: ${mb(r1.peakMB)}, median of ${peaks(r1s)} MB (start-up baseline ${mb(r1.baselineMB)}, +${mb(r1.workMB)} for the report) — target < ${TARGET.rssMB} MB; baseline before: ${mb(m1.peakMB)} held in memory in this run (+${mb(m1.workMB)}), ${BEFORE.peakMB} MB at afec489, ${BEFORE.issuePeakMB} MB in issue 19`,
          `peak RSS, ${PHOTOS * 2} photos: ${mb(r2.peakMB)}, median of ${peaks(r2s)} MB (+${mb(r2.workMB)}) = ${growth.toFixed(3)} × the ${PHOTOS}-photo median — target ≤ ${TARGET.growth}; held in memory: ${mb(m2.peakMB)} (+${mb(m2.workMB)}) = ${(m2.peakMB / m1.peakMB).toFixed(3)} ×`,
          `file ${(num(r1, 'bytes') / 1e6).toFixed(1)} MB / embedded images ${(num(r1, 'imageBytes') / 1e6).toFixed(1)} MB = ${ratio.toFixed(3)} — target ≤ ${TARGET.sizeRatio}; ${PHOTOS * 2} photos: ${(num(r2, 'bytes') / 1e6).toFixed(1)} MB, ${num(r2, 'pages')} pages`,
          `bare pdfkit, same ${PHOTOS} photos on blank pages: ${s(num(bare, 'ms'))}, ${(num(bare, 'bytes') / 1e6).toFixed(1)} MB, peak ${mb(bare.peakMB)} (+${mb(bare.workMB)}); report/bare time ${(ours / num(bare, 'ms')).toFixed(2)}`,
          `Chromium print-to-PDF of the same content as HTML: ${s(theirs)} (load ${s(num(chrome, 'loadMs'))} + print ${s(num(chrome, 'printMs'))}; browser start ${s(num(chrome, 'launchMs'))} not counted), ${(num(chrome, 'bytes') / 1e6).toFixed(1)} MB, ${pages('chromium.pdf')} pages`,
          `  memory of the browser tree (${chrome.tree?.processes} processes): peak summed RSS ${mb(chrome.tree?.peakRssMB ?? NaN)}, summed PSS ${mb(chrome.tree?.peakPssMB ?? NaN)} (Node driver alone ${mb(chrome.peakMB)})`,
          `ours vs Chromium: time ${s(ours)} vs ${s(theirs)} (${(theirs / ours).toFixed(1)}× faster) — target ≤; memory ${mb(r1.peakMB)} vs ${mb(chrome.tree?.peakPssMB ?? NaN)} PSS`,
          `  file ${(num(r1, 'bytes') / 1e6).toFixed(1)} vs ${(num(chrome, 'bytes') / 1e6).toFixed(1)} MB: ours ${sizeVsChromium <= 0 ? 'smaller or equal — goal met' : `${(sizeVsChromium * 100).toFixed(1)} % larger — goal ≤ Chromium's MISSED (the tagged structure tree, uncompressed)`}`,
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
