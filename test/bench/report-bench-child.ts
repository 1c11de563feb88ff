// The measured parts of the report benchmark, each in its own process so a
// peak RSS belongs to one of them: `report` lays out and signs the audit,
// `bare` places the same images with bare pdfkit on blank pages. Prints one
// JSON line.
import { readFileSync, writeFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { renderReport } from '../../electron/core/report/render';
import { generateIdentity } from '../../electron/core/report/sign/certificate';
import { fillSignature } from '../../electron/core/report/sign/sign';
import type { ReportData } from '../../electron/core/report/types';

async function barePdfkit(paths: string[]): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  for (const p of paths) {
    doc.addPage();
    doc.image(p, 48, 66, { fit: [499, 700] });
  }
  doc.end();
  await done;
  return { ms: performance.now() - t0, bytes: Buffer.concat(chunks).length };
}

const [mode, file] = process.argv.slice(2) as ['report' | 'bare', string];
const data = JSON.parse(readFileSync(file, 'utf8')) as ReportData;
if (mode === 'bare') {
  const bare = await barePdfkit(data.photos.map((p) => ('path' in p.source ? p.source.path : '')));
  process.stdout.write(`${JSON.stringify({ bareMs: bare.ms, bareBytes: bare.bytes, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
} else {
  // Signatures travel as base64 in the JSON.
  for (const s of [data.signoff.auditor, data.signoff.siteRep]) if (s) s.png = Buffer.from(s.png as unknown as string, 'base64');
  const identity = generateIdentity({ name: data.auditor.name, organisation: data.auditor.organisation, email: data.auditor.email });
  const signingTime = new Date();
  // The longest time the event loop was held (what a job poll would wait for).
  let maxLag = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 5);
    last = now;
  }, 5);
  const t0 = performance.now();
  const r = await renderReport(data, { draft: false, signature: { name: data.auditor.name, reason: 'Audit report', location: data.site.name, contactInfo: data.auditor.email, signingTime } });
  const tRender = performance.now();
  const signed = await fillSignature(r.pdf, identity, signingTime);
  const tSign = performance.now();
  clearInterval(timer);
  writeFileSync(`${file}.pdf`, signed);
  process.stdout.write(`${JSON.stringify({
    reportMs: tSign - t0, renderMs: tRender - t0, signMs: tSign - tRender, pages: r.pages, bytes: signed.length, imageBytes: r.imageBytes,
    maxRssMB: process.resourceUsage().maxRSS / 1024, warnings: r.warnings.length, maxLagMs: maxLag,
  })}\n`);
}
