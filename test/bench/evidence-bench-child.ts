// The measured part of the photo-ingest benchmark, in a process of its own
// (through lib/peak-rss.ts) that holds none of the generator's buffers and
// none of the other benches' modules: the photos are files on disk before it
// starts. In the bench process itself, with about 80 MB of other benches'
// code and data live on its JS heap, the extra garbage of the full path
// started a major GC almost per photo (71 during 100 photos, none during 30)
// and the ratio measured 1.5–1.6 instead of 1.2: the bench's heap, not the path.
//   full  — photo by photo through the app's path (streamed hash, atomic
//           store with fsync, EXIF, both derivatives, row and event);
//   bare  — bare sharp making the same two derivatives from the same file,
//           interleaved photo by photo in alternating order;
//   then hashing and storing alone against `sha256sum` plus `cp`, in turn.
//   tsx evidence-bench-child.ts SRC_DIR WORK_DIR
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { LegalProfile } from '../../shared/domain/legal-profile';
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
import { measureSelf } from './lib/peak-rss';

/** Bare sharp: the same two derivatives of one file, written plainly. */
async function bareSharp(file: string, out: string, i: number): Promise<void> {
  const [thumb, report] = await Promise.all([
    derivativePipeline(sharp(file).rotate(), 'thumb').toBuffer(),
    derivativePipeline(sharp(file).rotate(), 'report').toBuffer(),
  ]);
  await writeFile(join(out, `${i}.thumb.jpg`), thumb);
  await writeFile(join(out, `${i}.report.jpg`), report);
}

const [src, dir] = process.argv.slice(2) as [string, string];
const files = readdirSync(src).filter((f) => f.endsWith('.jpg')).sort().map((f) => join(src, f));

const core = await openCore({ dataDir: join(dir, 'data'), secretBox: passphraseBox('bench'), assetsDir: join(dir, 'no-assets') });
const template = importTemplate(core, fixtureJson({ key: 'bench' }));
const site = createSite(core, { name: 'Bench site', clients: [], address: '', country: 'PH', headcount: null, shifts: '', currency: 'PHP', legal: LegalProfile.parse({ wagePeriod: 'hour', minWage: 67.5, overtimeRate: 1.25 }) });
const audit = createAudit(core, { siteId: site.id, templateId: template.id, type: 'announced', startDate: '2026-11-01', endDate: '2026-11-02', team: [], scope: '' });
const bare = join(dir, 'bare');
mkdirSync(bare);
// Warm-up: libvips and the code paths, on a photo not counted.
await bareSharp(files[0]!, bare, -1);

await measureSelf(async () => {
  const wall = { full: 0, bare: 0 };
  const cpu = { full: 0, bare: 0 };
  const pairs: number[] = [];
  for (const [i, f] of files.entries()) {
    const one = { full: 0, bare: 0 };
    // Alternating order, so other work on the machine slows both alike.
    for (const which of i % 2 ? ['full', 'bare'] as const : ['bare', 'full'] as const) {
      const t = performance.now();
      const c = process.cpuUsage();
      if (which === 'bare') await bareSharp(f, bare, i);
      else await addPhotoFromFile(core, f, { auditId: audit.id, target: { kind: 'audit' }, caption: '', originalName: f });
      const used = process.cpuUsage(c);
      cpu[which] += (used.user + used.system) / 1000;
      one[which] = performance.now() - t;
    }
    wall.full += one.full;
    wall.bare += one.bare;
    pairs.push(one.full / one.bare);
  }
  const stored = (core.db.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n;
  core.close();

  // Hashing and storing alone (streamed SHA-256 into the incoming file, fsync,
  // rename into the fan-out folder, fsync of the folder), against the
  // coreutils doing the same work without any fsync; each twice, in turn.
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
  return { wall, cpu, pairs, stored, copied: readdirSync(cpDir).length, hashStore: hashStore / 2, coreutils: coreutils / 2 };
});
