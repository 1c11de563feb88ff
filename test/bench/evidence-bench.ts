// Photo ingest through the full path (streamed hash, atomic store with
// fsync, EXIF, both derivatives, row and event) for N twelve-megapixel
// JPEGs made here, against bare sharp making the same two derivatives from
// the same files in the same run (interleaved photo by photo); hashing and
// storing alone against
// `sha256sum` plus `cp` of the same files; peak memory.
import { LegalProfile } from '../../shared/domain/legal-profile';
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
import { figure, percentile, type Bench } from './types';

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

/** Bare sharp: the same two derivatives of one file, written plainly. */
async function bareSharp(file: string, out: string, i: number): Promise<void> {
  const [thumb, report] = await Promise.all([
    derivativePipeline(sharp(file).rotate(), 'thumb').toBuffer(),
    derivativePipeline(sharp(file).rotate(), 'report').toBuffer(),
  ]);
  await writeFile(join(out, `${i}.thumb.jpg`), thumb);
  await writeFile(join(out, `${i}.report.jpg`), report);
}

/** Peak RSS, sampled only while `on` is set. */
function peakSampler() {
  let peak = 0;
  const s = { on: false };
  const timer = setInterval(() => { if (s.on) peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  return Object.assign(s, { stop: () => { clearInterval(timer); return peak; } });
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
      const site = createSite(core, { name: 'Bench site', clients: [], address: '', country: 'PH', headcount: null, shifts: '', currency: 'PHP', legal: LegalProfile.parse({ wagePeriod: 'hour', minWage: 67.5, overtimeRate: 1.25 }) });
      const audit = createAudit(core, { siteId: site.id, templateId: template.id, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02', team: [], scope: '' });

      // Warm-up: libvips and the code paths, on a photo not counted.
      const bare = join(dir, 'bare');
      mkdirSync(bare);
      await bareSharp(files[0]!, bare, -1);

      // Interleaved photo by photo (and in alternating order), so both see
      // the same machine: other work on it slows both alike.
      const rssBefore = process.memoryUsage().rss;
      const mem = peakSampler();
      let full = 0;
      let bareMs = 0;
      const cpu = { full: 0, bare: 0 };
      const pairs: number[] = [];
      for (const [i, f] of files.entries()) {
        const wall = { full: 0, bare: 0 };
        for (const which of i % 2 ? ['full', 'bare'] as const : ['bare', 'full'] as const) {
          const t = performance.now();
          const c = process.cpuUsage();
          if (which === 'bare') await bareSharp(f, bare, i);
          else {
            mem.on = true;
            await addPhotoFromFile(core, f, { auditId: audit.id, target: { kind: 'audit' }, caption: '', originalName: f });
            mem.on = false;
          }
          const used = process.cpuUsage(c);
          cpu[which] += (used.user + used.system) / 1000;
          wall[which] = performance.now() - t;
        }
        full += wall.full;
        bareMs += wall.bare;
        pairs.push(wall.full / wall.bare);
      }
      pairs.sort((x, y) => x - y);
      const peak = mem.stop();
      const stored = (core.db.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n;
      core.close();

      // Hashing and storing alone (streamed SHA-256 into the incoming file,
      // fsync, rename into the fan-out folder, fsync of the folder), against
      // the coreutils doing the same work without any fsync; each twice, in turn.
      let hashStore = 0;
      let coreutils = 0;
      const cpDir = join(dir, 'cp');
      for (const round of [1, 2]) {
        const store = join(dir, `store${round}`);
        const th = performance.now();
        for (const f of files) {
          const r = await receiveStream(store, createReadStream(f, { highWaterMark: 1024 * 1024 }), 1e10);
          await r.flushed;
          await moveIntoPlace(r.path, originalPath(store, r.sha256, 'jpg'));
        }
        hashStore += performance.now() - th;
        rmSync(cpDir, { recursive: true, force: true });
        mkdirSync(cpDir);
        const tc = performance.now();
        execFileSync('sha256sum', files, { maxBuffer: 1 << 24 });
        execFileSync('cp', [...files, cpDir]);
        coreutils += performance.now() - tc;
      }
      const copied = readdirSync(cpDir).length;

      const ratio = full / bareMs;
      const lines = [
        `${COUNT} JPEGs of ${W}×${H} (12 MP), ${mb(bytes)} in all, made in ${genS.toFixed(1)} s; ${stored} stored, ${copied} copied by cp`,
        `full path: ${(full / 1000).toFixed(2)} s, ${(COUNT / (full / 1000)).toFixed(2)} photos/s (${(full / COUNT).toFixed(0)} ms each)`,
        `bare sharp, same two derivatives, interleaved: ${(bareMs / 1000).toFixed(2)} s, ${(COUNT / (bareMs / 1000)).toFixed(2)} photos/s`,
        `ratio full / bare sharp: ${ratio.toFixed(3)} (target ≤ ${TARGET_RATIO}); median of the ${COUNT} per-photo ratios ${percentile(pairs, 50).toFixed(3)}; CPU time ${(cpu.full / 1000).toFixed(1)} s / ${(cpu.bare / 1000).toFixed(1)} s = ${(cpu.full / cpu.bare).toFixed(3)}`,
        `hash + store alone: ${(hashStore / 2000).toFixed(2)} s; sha256sum + cp: ${(coreutils / 2000).toFixed(2)} s (mean of 2 runs each); ratio ${(hashStore / coreutils).toFixed(2)} (ours fsyncs every file and folder, cp does not)`,
        `memory: RSS ${mb(rssBefore)} before the ingest runs (the generator's buffers included), peak ${mb(peak)} during the full path; process max RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
      ];
      const figures = [figure('photo ingest time / bare sharp, same derivatives', ratio, '×', { atMost: TARGET_RATIO }, `bare sharp ${(bareMs / 1000).toFixed(2)} s in this run (1.0 ×)`, cpu.full)];
      return { ok: ratio <= TARGET_RATIO, lines, figures };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
