// The laid-out report read back with poppler: fonts embedded, every script
// intact, long tables repeating their header, nothing outside the margins,
// and a draft that is watermarked and unsigned.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../electron/core/report/render';
import { PAGE } from '../../../electron/core/report/layout/writer';
import { makeReportData, SCRIPT_SAMPLES } from './fixture';
import { pagesText, pdfsig, run, tempDir, writeTemp } from './tools';

describe('report layout', () => {
  let file: string;
  let pages: string[];
  let warnings: string[];
  let pageCount: number;

  beforeAll(async () => {
    const data = await makeReportData({ items: 80, findings: 12, photos: 10, hoursRows: 140, multilingual: true });
    // Thai (fallback font) and a character no embedded font has (CJK).
    data.audit.documentsReviewed.push('Thai contract: สัญญาจ้างงาน', 'Poster in Chinese: 中');
    const r = await renderReport(data, { draft: false });
    warnings = r.warnings;
    pageCount = r.pages;
    file = writeTemp(tempDir(), 'layout.pdf', r.pdf);
    pages = pagesText(file);
  });

  it('embeds every font', () => {
    const { out } = run('pdffonts', [file]);
    const rows = out.split('\n').slice(2).filter((l) => l.trim());
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(out).toContain('NotoSansThai');
  });

  it('keeps Vietnamese, Turkish, Polish, Cyrillic, Greek and Thai text intact', () => {
    const all = run('pdftotext', [file, '-']).out.replace(/\s+/g, ' ');
    for (const sample of [...Object.values(SCRIPT_SAMPLES), 'สัญญาจ้างงาน']) {
      expect(all).toContain(sample.replace(/\s+/g, ' '));
    }
  });

  it('reports a character no embedded font can draw instead of dropping it', () => {
    expect(warnings.join('\n')).toMatch(/中 \(U\+4E2D\)/);
  });

  it('repeats the table header on every page a long table runs over', () => {
    const hoursPages = pages.filter((p) => /W-\d{3}/.test(p));
    expect(hoursPages.length).toBeGreaterThanOrEqual(3);
    for (const p of hoursPages) {
      expect(p).toMatch(/Worker\s+Week of\s+Contracted/);
    }
    // Every row is printed once.
    const rows = hoursPages.join('\n').match(/W-\d{3}/g) ?? [];
    expect(new Set(rows).size).toBe(140);
    expect(rows.length).toBe(140);
  });

  it('numbers every page "x of y" with the audit ID and a confidentiality mark', () => {
    expect(pages).toHaveLength(pageCount);
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${pageCount}`);
      expect(p).toContain('0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
      expect(p).toContain('CONFIDENTIAL');
    });
  });

  it('places no word outside the page margins', () => {
    const { out } = run('pdftotext', ['-bbox', file, '-']);
    const words = [...out.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)];
    expect(words.length).toBeGreaterThan(1000);
    for (const m of words) {
      const [xMin, yMin, xMax, yMax] = m.slice(1, 5).map(Number) as [number, number, number, number];
      expect(xMin).toBeGreaterThanOrEqual(PAGE.left - 1);
      expect(xMax).toBeLessThanOrEqual(PAGE.width - PAGE.right + 1);
      expect(yMin).toBeGreaterThanOrEqual(20);
      expect(yMax).toBeLessThanOrEqual(PAGE.height - 20);
    }
  });
});

describe('draft export', () => {
  it('is watermarked on every page and carries no signature', async () => {
    const data = await makeReportData({ items: 20, findings: 3, photos: 2, status: 'in_progress' });
    const r = await renderReport(data, { draft: true });
    const file = writeTemp(tempDir(), 'draft.pdf', r.pdf);
    const pages = pagesText(file);
    expect(pages.length).toBe(r.pages);
    for (const p of pages) expect(p.replace(/\s+/g, ' ')).toContain('DRAFT — not signed');
    expect(pdfsig(file)).toMatch(/does not contain any signatures/);
  });
});

describe('extreme inputs', () => {
  it('keeps a 200-character site name, 30 long client names and a 5,000-character note on the page, whole', async () => {
    const data = await makeReportData({ items: 10, findings: 2, photos: 1 });
    data.site.name = `${'Northwind Customer Experience and Back-Office Processing Centre '.repeat(3)}`.slice(0, 200).trim();
    data.site.clients = Array.from({ length: 30 }, (_, i) => `Client number ${i + 1} with a rather long registered company name Ltd`);
    const longNote = Array.from({ length: 120 }, (_, i) => `Sentence ${i + 1} of a long note.`).join(' ');
    const first = data.sections[0]?.items[0];
    if (first) first.note = `${longNote} Supercalifragilisticexpialidocious${'x'.repeat(300)}`;
    const file = writeTemp(tempDir(), 'extreme.pdf', (await renderReport(data, { draft: false })).pdf);
    const text = run('pdftotext', [file, '-']).out.replace(/\s+/g, ' ');
    for (let i = 1; i <= 30; i++) expect(text).toContain(`Client number ${i} with`);
    expect(text).toContain('Sentence 120 of a long note.');
    const { out } = run('pdftotext', ['-bbox', file, '-']);
    for (const m of out.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)) {
      const [xMin, , xMax, yMax] = m.slice(1, 5).map(Number) as [number, number, number, number];
      expect(xMin).toBeGreaterThanOrEqual(PAGE.left - 1);
      expect(xMax).toBeLessThanOrEqual(PAGE.width - PAGE.right + 1);
      expect(yMax).toBeLessThanOrEqual(PAGE.height - 20);
    }
  });
});

describe('an audit with nothing to report', () => {
  it('says so in each chapter instead of printing empty tables', async () => {
    const data = await makeReportData({ items: 6, findings: 0, photos: 0 });
    Object.assign(data, { analysis: [], actions: [], interviews: null, signoff: { auditor: null, siteRep: null }, keyFindings: [] });
    data.audit.documentsReviewed = [];
    data.audit.sampleSizes = [];
    const r = await renderReport(data, { draft: true });
    const text = run('pdftotext', [writeTemp(tempDir(), 'empty.pdf', r.pdf), '-']).out.replace(/\s+/g, ' ');
    for (const s of ['No non-compliance was recorded.', 'No wage or working-hours samples were recorded', 'No corrective actions were agreed.', 'No worker interviews were recorded.', 'Not signed', 'No photos were taken.', 'No documents were recorded as reviewed.']) {
      expect(text).toContain(s);
    }
    expect(r.warnings).toEqual([]);
  });
});
