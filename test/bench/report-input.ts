// Inputs of the report benchmark, written to disk before any measured
// process starts: report-size photos (1600 × 1200 JPEGs at quality 85, as the
// store keeps them) and the audit as data-N.json, plus the same content as
// report-N.html for the Chromium comparison.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePhoto, makeReportData } from '../integration/report/fixture';
import { reportHtml } from './report-html';

export const ITEMS = 300;
export const FINDINGS = 40;
// Distinct photos are slow to make (~0.2 s each); they depend only on their index, so they are kept between runs.
const PHOTO_DIR = join(tmpdir(), 'fairsite-bench-photos-1600x1200-q85');


export async function benchPhotos(n: number): Promise<string[]> {
  mkdirSync(PHOTO_DIR, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const path = join(PHOTO_DIR, `p${i}.jpg`);
    if (!existsSync(path)) writeFileSync(path, await makePhoto(i, 1600, 1200, 85));
    paths.push(path);
  }
  return paths;
}

/** The audit with `n` photos as data.json in `dir`; two photos on each finding's item. */
export async function writeReportInput(dir: string, paths: string[], n: number): Promise<string> {
  const data = await makeReportData({ items: ITEMS, findings: FINDINGS, photos: 0, hoursRows: 60 });
  for (let i = 0; i < n; i++) {
    data.photos.push({ id: `photo-${i}`, ref: `P${i + 1}`, caption: `Evidence photo ${i + 1}`, takenAt: '2026-11-28T10:00:00.000Z', sha256: 'ab'.repeat(32), source: { path: paths[i] as string } });
  }
  let next = 0;
  for (const sec of data.sections) for (const item of sec.items) if (item.severity) item.photoIds = [`photo-${next++ % n}`, `photo-${next++ % n}`];
  const json = join(dir, `data-${n}.json`);
  writeFileSync(json, JSON.stringify(data, (k, v: unknown) => (k === 'png' && v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)));
  writeFileSync(join(dir, `report-${n}.html`), reportHtml(data, `Ethical compliance audit report — ${data.site.name}`));
  return json;
}

