// The report as the app exports it: written to a file while it is laid out
// and signed in that file, never held whole in memory.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportToFile } from '../../../electron/core/report/render';
import { generateIdentity } from '../../../electron/core/report/sign/certificate';
import { fillSignatureInFile } from '../../../electron/core/report/sign/sign';
import { measurePeakRss } from '../../bench/lib/peak-rss';
import { benchPhotos, writeReportInput } from '../../bench/report-input';
import { makeReportData } from './fixture';
import { pdfsig } from './tools';

const dir = mkdtempSync(join(tmpdir(), 'fairsite-streamed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('streamed report', () => {
  it('is signed in its file, read in small pieces, and pdfsig finds the whole document signed', async () => {
    const data = await makeReportData({ items: 60, findings: 8, photos: 6 });
    const file = join(dir, 'streamed.pdf');
    const signingTime = new Date();
    const r = await renderReportToFile(data, { draft: false, signature: { name: 'Ana Reyes', reason: 'Audit report', location: 'Makati', contactInfo: 'ana@example.org', signingTime } }, file);
    expect(r.bytes).toBe(readFileSync(file).length);
    // 4 KB pieces: the placeholder is found by scanning back over many windows, and both ranges hashed piece by piece.
    const size = await fillSignatureInFile(file, generateIdentity({ name: 'Ana Reyes', organisation: 'Fair Audit Partners', email: 'ana@example.org' }), signingTime, 4096);
    expect(size).toBe(r.bytes);
    const out = pdfsig(file);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
  });

  it('does not hold the photos it has written: peak memory stays far below the in-memory way', async () => {
    const n = 80;
    const json = await writeReportInput(dir, await benchPhotos(n), n);
    const child = fileURLToPath(new URL('../../bench/report-bench-child.ts', import.meta.url));
    const streamed = await measurePeakRss(child, ['report', json, join(dir, 's.pdf')]);
    const held = await measurePeakRss(child, ['memory', json, join(dir, 'm.pdf')]);
    const imageMB = (streamed.result.imageBytes as number) / 1048576;
    expect(imageMB).toBeGreaterThan(25);
    // Holding the output costs the file twice over (chunks, then their concatenation).
    expect(held.workMB - streamed.workMB).toBeGreaterThan(imageMB * 0.75);
    expect(pdfsig(join(dir, 's.pdf'))).toContain('Signature is Valid.');
  }, 180_000);
});
