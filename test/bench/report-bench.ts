// The signed report of a finalized audit of 300 items, 40 findings and 200
// report-size photos (1600 px JPEGs on disk, as the store keeps them): wall
// time, peak RSS, file size against the embedded images, and time against
// bare pdfkit placing the same images on blank pages in the same run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePhoto, makeReportData } from '../integration/report/fixture';
import type { Bench } from './types';

const ITEMS = 300;
const FINDINGS = 40;
const PHOTOS = Number(process.env.BENCH_REPORT_PHOTOS ?? 200);
const TARGET = { ms: 10_000, rssMB: 400, sizeRatio: 1.1 };

export const reportBench: Bench = {
  name: 'report',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'fairsite-report-bench-'));
    try {
      const data = await makeReportData({ items: ITEMS, findings: FINDINGS, photos: 0, hoursRows: 60 });
      // 200 distinct photo-like JPEGs, 1600 × 1200 at quality 85 like the store's report derivative.
      for (let i = 0; i < PHOTOS; i++) {
        const path = join(dir, `p${i}.jpg`);
        writeFileSync(path, await makePhoto(i, 1600, 1200, 85));
        data.photos.push({ id: `photo-${i}`, ref: `P${i + 1}`, caption: `Evidence photo ${i + 1}`, takenAt: '2026-11-28T10:00:00.000Z', sha256: 'ab'.repeat(32), source: { path } });
      }
      // Two photos on each finding's item, as in the section pages.
      let next = 0;
      for (const s of data.sections) for (const item of s.items) if (item.severity) item.photoIds = [`photo-${next++ % PHOTOS}`, `photo-${next++ % PHOTOS}`];
      const json = join(dir, 'data.json');
      writeFileSync(json, JSON.stringify(data, (k, v: unknown) => (k === 'png' && v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)));
      const child = fileURLToPath(new URL('./report-bench-child.ts', import.meta.url));
      const runChild = (mode: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', child, mode, json], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop() as string) as Record<string, number>;
      const t0 = performance.now();
      const r = runChild('report');
      const wallMs = performance.now() - t0;
      const bare = runChild('bare');
      const pdfsig = execFileSync('pdfsig', [`${json}.pdf`], { encoding: 'utf8' });
      const valid = pdfsig.includes('Signature is Valid.') && pdfsig.includes('Total document signed');
      r.bareMs = bare.bareMs as number;
      r.bareBytes = bare.bareBytes as number;
      const ratio = (r.bytes as number) / (r.imageBytes as number);
      const vsBare = (r.reportMs as number) / (r.bareMs as number);
      const ok = valid && (r.reportMs as number) < TARGET.ms && (r.maxRssMB as number) < TARGET.rssMB && ratio <= TARGET.sizeRatio;
      return {
        ok,
        lines: [
          `${ITEMS} items, ${FINDINGS} findings, ${PHOTOS} photos → ${r.pages} pages, signed; pdfsig: ${valid ? 'Signature is Valid, total document signed' : 'NOT VALID'}`,
          `report time ${(r.reportMs as number).toFixed(0)} ms (layout ${(r.renderMs as number).toFixed(0)} + signing ${(r.signMs as number).toFixed(0)}) — target < ${TARGET.ms} ms`,
          `child process wall time incl. start-up ${wallMs.toFixed(0)} ms; longest event-loop stall during layout and signing ${(r.maxLagMs as number).toFixed(0)} ms`,
          `peak RSS ${(r.maxRssMB as number).toFixed(0)} MB (the report process, start-up included; bare pdfkit process ${(bare.maxRssMB as number).toFixed(0)} MB) — target < ${TARGET.rssMB} MB`,
          `file ${((r.bytes as number) / 1e6).toFixed(1)} MB / embedded images ${((r.imageBytes as number) / 1e6).toFixed(1)} MB = ${ratio.toFixed(3)} — target ≤ ${TARGET.sizeRatio}`,
          `bare pdfkit, same images on blank pages: ${(r.bareMs as number).toFixed(0)} ms, ${((r.bareBytes as number) / 1e6).toFixed(1)} MB; report/bare time ratio ${vsBare.toFixed(2)}`,
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
