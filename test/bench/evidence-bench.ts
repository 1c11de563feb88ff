// Photo ingest through the full path (streamed hash, atomic store with
// fsync, EXIF, both derivatives, row and event) for N twelve-megapixel
// JPEGs made here, against bare sharp making the same two derivatives from
// the same files in the same run; hashing and storing alone against
// `sha256sum` plus `cp` of the same files; peak memory.
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openCore } from '../../electron/core/core';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { createAudit } from '../../electron/core/store/repos/audits';
import { createSite } from '../../electron/core/store/repos/sites';
import { importTemplate } from '../../electron/core/store/repos/templates';
import { addPhotoFromFile } from '../../electron/core/evidence/ingest';
import { derivativePipeline } from '../../electron/core/evidence/derive';
import { receiveStream } from '../../electron/core/evidence/receive';
import { moveIntoPlace } from '../../electron/core/evidence/atomic';
import { originalPath } from '../../electron/core/evidence/layout';
import { fixtureJson } from '../integration/core/helpers/template-fixture';
import type { Bench } from './types';

const COUNT = Number(process.env.BENCH_PHOTOS ?? 100);
const W = 4000;
const H = 3000;
const TARGET_RATIO = 1.3;

/** Camera-like frames: gradients under noise, each one different. */
async function makePhotos(dir: string): Promise<string[]> {
  const raw = Buffer.alloc(W * H * 3);
  let s = 12345;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      s = (s * 1664525 + 1013904223) >>> 0;
      const i = (y * W + x) * 3;
      raw[i] = ((x * 200) / W + (s & 63)) | 0;
      raw[i + 1] = ((y * 200) / H + ((s >> 8) & 63)) | 0;
      raw[i + 2] = (((x + y) * 120) / (W + H) + ((s >> 16) & 63)) | 0;
    }
  }
  const files: string[] = [];
  for (let n = 0; n < COUNT; n++) {
    // A different band per photo, so every file has its own hash.
    const band = Math.floor((n * (H - 64)) / Math.max(1, COUNT));
    for (let y = band; y < band + 64; y++) raw.fill((n * 37) & 255, y * W * 3, y * W * 3 + 600);
    const file = join(dir, `IMG_${String(n).padStart(4, '0')}.jpg`);
    await sharp(raw, { raw: { width: W, height: H, channels: 3 } })
      .withExif({ IFD0: { Make: 'Bench', Model: 'Frame' }, IFD2: { DateTimeOriginal: '2026:11:29 10:00:00' } })
      .jpeg({ quality: 88 }).toFile(file);
    files.push(file);
  }
  return files;
}

async function bareSharp(files: string[], out: string): Promise<number> {
  const t0 = performance.now();
  for (const [i, f] of files.entries()) {
    const [thumb, report] = await Promise.all([
      derivativePipeline(sharp(f).rotate(), 'thumb').toBuffer(),
      derivativePipeline(sharp(f).rotate(), 'report').toBuffer(),
    ]);
    await writeFile(join(out, `${i}.thumb.jpg`), thumb);
    await writeFile(join(out, `${i}.report.jpg`), report);
  }
  return performance.now() - t0;
}

function peakSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  return { stop: () => { clearInterval(timer); return Math.max(peak, process.memoryUsage().rss); } };
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

export const evidenceIngest: Bench = {
  name: 'evidence-ingest',
  async run() {
    const dir = mkdtempSync(join(process.env.FAIRSITE_BENCH_DIR ?? tmpdir(), 'fairsite-evidence-bench-'));
    try {
      const src = join(dir, 'src');
      mkdirSync(src);
      const tg = performance.now();
      const files = await makePhotos(src);
      const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
      const genS = (performance.now() - tg) / 1000;

      const core = await openCore({ dataDir: join(dir, 'data'), secretBox: passphraseBox('bench'), assetsDir: join(dir, 'no-assets') });
      const template = importTemplate(core, fixtureJson({ key: 'bench' }));
      const site = createSite(core, { name: 'Bench site', clients: [], address: '', country: 'PH', headcount: null, shifts: '', minWage: 67.5, minWagePeriod: 'hour', overtimeRate: 1.25, currency: 'PHP' });
      const audit = createAudit(core, { siteId: site.id, templateId: template.id, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02', team: [], scope: '' });

      // Warm-up: libvips and the code paths, on a photo not counted.
      const bare = join(dir, 'bare');
      mkdirSync(bare);
      await bareSharp(files.slice(0, 1), bare);

      const bare1 = await bareSharp(files, bare);
      const rssBefore = process.memoryUsage().rss;
      const mem = peakSampler();
      const t0 = performance.now();
      for (const f of files) await addPhotoFromFile(core, f, { auditId: audit.id, target: { kind: 'audit' }, caption: '', originalName: f });
      const full = performance.now() - t0;
      const peak = mem.stop();
      const bare2 = await bareSharp(files, bare);
      const bareMs = (bare1 + bare2) / 2;
      const stored = (core.db.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n;
      core.close();

      // Hashing and storing alone (streamed SHA-256 into the incoming file,
      // fsync, rename into the fan-out folder, fsync of the folder)…
      const store2 = join(dir, 'store2');
      const th = performance.now();
      for (const f of files) {
        const r = await receiveStream(store2, createReadStream(f, { highWaterMark: 1024 * 1024 }), 1e10);
        await moveIntoPlace(r.path, originalPath(store2, r.sha256, 'jpg'));
      }
      const hashStore = performance.now() - th;
      // …against the coreutils doing the same work, without any fsync.
      const cpDir = join(dir, 'cp');
      mkdirSync(cpDir);
      const tc = performance.now();
      execFileSync('sha256sum', files, { maxBuffer: 1 << 24 });
      execFileSync('cp', [...files, cpDir]);
      const coreutils = performance.now() - tc;
      const copied = readdirSync(cpDir).length;

      const ratio = full / bareMs;
      const lines = [
        `${COUNT} JPEGs of ${W}×${H} (12 MP), ${mb(bytes)} in all, made in ${genS.toFixed(1)} s; ${stored} stored, ${copied} copied by cp`,
        `full path: ${(full / 1000).toFixed(2)} s, ${(COUNT / (full / 1000)).toFixed(2)} photos/s (${(full / COUNT).toFixed(0)} ms each)`,
        `bare sharp, same two derivatives: ${(bare1 / 1000).toFixed(2)} s and ${(bare2 / 1000).toFixed(2)} s, ${(COUNT / (bareMs / 1000)).toFixed(2)} photos/s`,
        `ratio full / bare sharp: ${ratio.toFixed(3)} (target ≤ ${TARGET_RATIO})`,
        `hash + store alone: ${(hashStore / 1000).toFixed(2)} s; sha256sum + cp: ${(coreutils / 1000).toFixed(2)} s; ratio ${(hashStore / coreutils).toFixed(2)} (ours fsyncs every file and folder, cp does not)`,
        `memory: RSS ${mb(rssBefore)} before the full path (generator and bare-sharp runs included), peak ${mb(peak)} during it; process max RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
      ];
      return { ok: ratio <= TARGET_RATIO, lines };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
