// The signed report is a tagged PDF: poppler reads its structure tree
// (headings, paragraphs, tables with header cells, photos with alternative
// text), its language and title, and the signature still covers it all.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../electron/core/report/render';
import { generateIdentity } from '../../../electron/core/report/sign/certificate';
import { fillSignature } from '../../../electron/core/report/sign/sign';
import { makeReportData } from './fixture';
import { pdfsig, run, tempDir, writeTemp } from './tools';

describe('tagged report', () => {
  let file: string;
  let photos: number;

  beforeAll(async () => {
    const data = await makeReportData({ items: 40, findings: 6, photos: 4 });
    photos = data.photos.length;
    const signingTime = new Date();
    const r = await renderReport(data, { draft: false, signature: { name: 'Ana Reyes', reason: 'Audit report', location: 'Makati', contactInfo: 'ana@example.org', signingTime } });
    const signed = await fillSignature(r.pdf, generateIdentity({ name: 'Ana Reyes', organisation: 'Fair Audit Partners', email: 'ana@example.org' }), signingTime);
    file = writeTemp(tempDir(), 'tagged.pdf', signed);
  });

  it('is tagged, and the signature is still valid over the whole document', () => {
    const info = run('pdfinfo', [file]).out;
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Ethical compliance audit report: /);
    const sig = pdfsig(file);
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
  });

  it('has a structure of chapters, headings, paragraphs, tables with header cells and described photos', () => {
    const tree = run('pdfinfo', ['-struct-text', file]).out;
    expect(tree.split('\n')[0]).toBe('Document');
    expect(tree).toMatch(/^ {2}Sect "1\. Audit details"\n {4}H1 \(block\)\n {6}"1\. Audit details"/m);
    expect(tree).toMatch(/TH:\n\s+\/Scope \/Row\n\s+"Site"\n\s+TD\n\s+"Manila North Contact Centre"/);
    expect(tree).toMatch(/TH:\n\s+\/Scope \/Column\n\s+"Section"/);
    expect(tree).toMatch(/P \(block\)\n\s+"Three floors of a shared office tower/);
    // Every photo placed, and the signature drawings, are figures with alternative text.
    const structure = run('pdfinfo', ['-struct', file]).out;
    expect((structure.match(/^\s+Figure/gm) ?? []).length).toBeGreaterThanOrEqual(photos);
    // Running headers and footers are artifacts: not in the structure.
    expect(tree).not.toContain('CONFIDENTIAL');
    expect(tree).not.toMatch(/Page \d+ of \d+/);
  });

  it('names its language and shows its title, and each photo says what it shows', () => {
    const qdf = run('qpdf', ['--qdf', '--object-streams=disable', file, '-']).out;
    expect(qdf).toMatch(/\/Lang \(en\)/);
    expect(qdf).toMatch(/\/DisplayDocTitle true/);
    expect(qdf).toMatch(/\/MarkInfo/);
    // "Photo P1: …" as UTF-16 in the figure's /Alt.
    const alt = Buffer.from('\ufeffPhoto P1:', 'utf16le').swap16().toString('hex');
    expect(qdf.toLowerCase()).toContain(`/alt <${alt}`);
  });
});
