// ReportData → PDF bytes. Pure layout: no store, no keys, no signing, so it
// can run in a worker thread and be tested with synthetic audits.
// renderReportToFile writes each chunk to the file as pdfkit produces it, so
// the process never holds the whole report: a photo's bytes are read, copied
// into the PDF stream and written out, and its memory goes with it. Holding
// the output (the chunks, then Buffer.concat of them: twice the file size,
// 170 MB for 200 photos) was what made peak memory grow with the photos.
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { RenderOptions, RenderResult, ReportData } from './types';
import { FontChooser } from './fonts';
import { Writer } from './layout/writer';
import { drawFrames } from './layout/frame';
import { ImageBank } from './layout/images';
import { Tags } from './layout/tags';
import { cover } from './sections/cover';
import { details, summary } from './sections/overview';
import { goodPractices, nonCompliances, sectionFindings } from './sections/findings';
import { actionPlan, interviews, wagesAndHours } from './sections/plan';
import { profile } from './sections/profile';
import { followUpChapter } from './sections/followup';
import { inReportLanguage, text, type ReportLanguage } from './strings';
import { appendix, signoff } from './sections/signoff';
import { addSignaturePlaceholder } from './sign/sign';
import { msg, type Message } from '../../../shared/messages';

/** The report in memory (tests, small documents). */
export async function renderReport(data: ReportData, opts: RenderOptions): Promise<RenderResult> {
  const chunks: Buffer[] = [];
  const r = await layoutReport(data, opts, (c) => chunks.push(c));
  return { ...r, pdf: Buffer.concat(chunks) };
}

/** The report written to `file` as it is laid out; memory does not grow with its size. */
export async function renderReportToFile(data: ReportData, opts: RenderOptions, file: string): Promise<Omit<RenderResult, 'pdf'> & { bytes: number }> {
  const fd = openSync(file, 'w', 0o600);
  let bytes = 0;
  try {
    const r = await layoutReport(data, opts, (c) => {
      for (let off = 0; off < c.length;) off += writeSync(fd, c, off, c.length - off);
      bytes += c.length;
    });
    fsyncSync(fd);
    return { ...r, bytes };
  } finally {
    closeSync(fd);
  }
}

function layoutReport(data: ReportData, opts: RenderOptions, sink: (chunk: Buffer) => void): Promise<Omit<RenderResult, 'pdf'>> {
  const lang = opts.language ?? 'en';
  return inReportLanguage(lang, () => layoutIn(lang, data, opts, sink));
}

async function layoutIn(lang: ReportLanguage, data: ReportData, opts: RenderOptions, sink: (chunk: Buffer) => void): Promise<Omit<RenderResult, 'pdf'>> {
  const progress = opts.onProgress ?? (() => {});
  const fonts = new FontChooser();
  const title = text(opts.draft ? 'report.titleDraft' : 'report.title', { site: data.site.name });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: true,
    bufferPages: true,
    compress: true,
    info: {
      Title: title,
      Author: `${data.auditor.name} (${data.auditor.organisation})`,
      Subject: `Audit ${data.audit.id} revision ${data.audit.revision}`,
      Creator: 'Fairsite',
      Producer: 'Fairsite (pdfkit)',
      CreationDate: new Date(data.generatedAt),
    },
    lang,
    // Tagged (structure tree, marked content) with the title shown in the viewer's title bar.
    tagged: true,
    displayTitle: true,
    pdfVersion: '1.7',
  });
  doc.on('data', sink);
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  fonts.register(doc);
  const w = new Writer(doc, fonts, new Tags(doc, true, lang));
  const images = new ImageBank(doc);

  const items = data.sections.reduce((s, x) => s + x.items.length, 0);
  // Rough shares of the work: photos dominate large reports.
  const unit = 1 / Math.max(1, items * 0.2 + data.photos.length + 8);
  let done = 0;
  // pdfkit works synchronously; handing the event loop back every few
  // milliseconds keeps the app answering (job polling, other operations).
  let lastYield = Date.now();
  const step = async (n: number, message: Message) => {
    done += n;
    progress(Math.min(0.95, done * unit), message);
    if (Date.now() - lastYield > 25) {
      await new Promise<void>((r) => setImmediate(r));
      lastYield = Date.now();
    }
  };

  cover(w, data, opts.draft);
  await step(1, msg('progress.cover'));
  details(w, data);
  profile(w, data);
  followUpChapter(w, data);
  // A follow-up is rated by its own chapter; the usual summary would rate only the items it re-answered.
  if (!data.followUp) summary(w, data);
  await step(1, msg('progress.summary'));
  nonCompliances(w, data);
  await step(1, msg('progress.nonCompliances'));
  await sectionFindings(w, data, images, () => step(0.2, msg('progress.findings')));
  goodPractices(w, data);
  wagesAndHours(w, data);
  actionPlan(w, data);
  interviews(w, data);
  await step(2, msg('progress.analysis'));
  signoff(w, data, images, opts.draft);
  await step(1, msg('progress.signoff'));
  let placed = 0;
  await appendix(w, data, images, async (n) => {
    const before = placed;
    placed = n;
    await step(n - before, msg('progress.appendix', { n, total: data.photos.length }));
  });
  w.tags.popTo(1);
  drawFrames(w, { siteName: data.site.name, auditId: data.audit.id, revision: data.audit.revision, draft: opts.draft });
  w.tags.finish();
  const pages = doc.bufferedPageRange().count;
  if (opts.signature && !opts.draft) addSignaturePlaceholder(doc, opts.signature);
  doc.end();
  await ended;
  progress(1, msg('progress.laidOut'));
  return { pages, warnings: [...fonts.warnings(), ...images.warnings()], imageBytes: images.bytes, pageFills: w.fills(), runningHeaders: [...w.sectionByPage] };
}
