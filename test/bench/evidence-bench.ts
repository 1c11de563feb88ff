// Photo ingest through the full path (streamed hash, atomic store with
// fsync, EXIF, both derivatives, row and event) for N twelve-megapixel
// JPEGs made here, against bare sharp making the same two derivatives from
// the same files in the same run (interleaved photo by photo); hashing and
// storing alone against `sha256sum` plus `cp` of the same files; peak memory.
// The photos are written first; the measuring is done by
// evidence-bench-child.ts in a process of its own (it says why).
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describePeak, measurePeakRss } from './lib/peak-rss';
import { figure, percentile, type Bench } from './types';

const COUNT = Number(process.env.BENCH_PHOTOS ?? 100);
const W = 4000;
const H = 3000;
const TARGET_RATIO = 1.3;
const CHILD = fileURLToPath(new URL('./evidence-bench-child.ts', import.meta.url));

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

      const work = join(dir, 'work');
      mkdirSync(work);
      const m = await measurePeakRss(CHILD, [src, work], { timeoutMs: 3_600_000 });
      const r = m.result as { wall: { full: number; bare: number }; cpu: { full: number; bare: number }; pairs: number[]; stored: number; copied: number; hashStore: number; coreutils: number };
      const full = r.wall.full;
      const bareMs = r.wall.bare;
      const pairs = [...r.pairs].sort((x, y) => x - y);
      const { cpu, stored, copied, hashStore, coreutils } = r;

      const ratio = full / bareMs;
      const lines = [
        `${COUNT} JPEGs of ${W}×${H} (12 MP), ${mb(bytes)} in all, made in ${genS.toFixed(1)} s; ${stored} stored, ${copied} copied by cp`,
        `full path: ${(full / 1000).toFixed(2)} s, ${(COUNT / (full / 1000)).toFixed(2)} photos/s (${(full / COUNT).toFixed(0)} ms each)`,
        `bare sharp, same two derivatives, interleaved: ${(bareMs / 1000).toFixed(2)} s, ${(COUNT / (bareMs / 1000)).toFixed(2)} photos/s`,
        `ratio full / bare sharp: ${ratio.toFixed(3)} (target ≤ ${TARGET_RATIO}); median of the ${COUNT} per-photo ratios ${percentile(pairs, 50).toFixed(3)}; CPU time ${(cpu.full / 1000).toFixed(1)} s / ${(cpu.bare / 1000).toFixed(1)} s = ${(cpu.full / cpu.bare).toFixed(3)}`,
        `hash + store alone: ${(hashStore / 1000).toFixed(2)} s; sha256sum + cp: ${(coreutils / 1000).toFixed(2)} s (mean of 2 runs each); ratio ${(hashStore / coreutils).toFixed(2)} (ours fsyncs every file and folder, cp does not)`,
        `memory of the measuring process (both paths, then hash + store): ${describePeak(m)}`,
      ];
      const figures = [figure('photo ingest time / bare sharp, same derivatives', ratio, '×', { atMost: TARGET_RATIO }, `bare sharp ${(bareMs / 1000).toFixed(2)} s in this run (1.0 ×)`, cpu.full)];
      return { ok: ratio <= TARGET_RATIO, lines, figures };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
