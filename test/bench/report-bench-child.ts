// The measured parts of the report benchmark, each in its own process (run
// through lib/peak-rss.ts) so a peak belongs to one piece of work:
//   report — lays out and signs the audit as the app does, streamed to a file;
//   memory — the same, held in memory (renderReport + fillSignature), the
//            way it was done before the streaming writer: the baseline;
//   bare   — bare pdfkit placing the same photos on blank pages, to a file.
// The input (data.json, photos) is on disk before the process starts.
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { renderReport, renderReportToFile } from '../../electron/core/report/render';
import { generateIdentity } from '../../electron/core/report/sign/certificate';
import { fillSignature, fillSignatureInFile } from '../../electron/core/report/sign/sign';
import type { ReportData } from '../../electron/core/report/types';
import { finish, markBaseline } from './lib/peak-rss';

async function barePdfkit(paths: string[], out: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const fd = openSync(out, 'w');
  let bytes = 0;
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  doc.on('data', (c: Buffer) => { bytes += writeSync(fd, c); });
  const done = new Promise((r) => doc.on('end', r));
  for (const p of paths) {
    doc.addPage();
    doc.image(p, 48, 66, { fit: [499, 700] });
  }
  doc.end();
  await done;
  closeSync(fd);
  return { ms: performance.now() - t0, bytes };
}

const [mode, file, out] = process.argv.slice(2) as ['report' | 'memory' | 'bare', string, string];
const data = JSON.parse(readFileSync(file, 'utf8')) as ReportData;
// Signatures travel as base64 in the JSON.
for (const s of [data.signoff.auditor, data.signoff.siteRep]) if (s) s.png = Buffer.from(s.png as unknown as string, 'base64');
const identity = generateIdentity({ name: data.auditor.name, organisation: data.auditor.organisation, email: data.auditor.email });
markBaseline();
if (mode === 'bare') {
  const bare = await barePdfkit(data.photos.map((p) => ('path' in p.source ? p.source.path : '')), out);
  finish({ ms: bare.ms, bytes: bare.bytes });
} else {
  const signingTime = new Date();
  // The longest time the event loop was held (what a job poll would wait for).
  let maxLag = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 5);
    last = now;
  }, 5);
  const opts = { draft: false, signature: { name: data.auditor.name, reason: 'Audit report', location: data.site.name, contactInfo: data.auditor.email, signingTime } };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let r: { pages: number; imageBytes: number; warnings: string[] };
  let bytes: number;
  let tRender: number;
  if (mode === 'memory') {
    const m = await renderReport(data, opts);
    tRender = performance.now();
    const signed = await fillSignature(m.pdf, identity, signingTime);
    writeFileSync(out, signed);
    r = m;
    bytes = signed.length;
  } else {
    r = await renderReportToFile(data, opts, out);
    tRender = performance.now();
    bytes = await fillSignatureInFile(out, identity, signingTime);
  }
  const tSign = performance.now();
  clearInterval(timer);
  // CPU time does not stretch when the machine is busy; wall time does.
  const cpu = process.cpuUsage(cpu0);
  finish({ cpuMs: (cpu.user + cpu.system) / 1000, reportMs: tSign - t0, renderMs: tRender - t0, signMs: tSign - tRender, pages: r.pages, bytes, imageBytes: r.imageBytes, warnings: r.warnings.length, maxLagMs: maxLag });
}
