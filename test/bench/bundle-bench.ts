// Sync bundles. (1) Export, then HQ import, of one audit with about 1 GB of
// photo originals (random files, placed in the photo store), against
// `zip -0 -r` and `unzip` + `sha256sum` on the same files in the same run;
// peak memory. (2) The incremental bundle after one changed answer: size and
// time. (3) HQ import of 1,000 small bundles from 20 auditors, then the
// same 1,000 again.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { openCore, type Core } from '../../electron/core/core';
import { passphraseBox } from '../../electron/core/keys/secret-box';
import { saveProfileWithKey } from '../../electron/core/profile-service';
import { createDemo } from '../../electron/core/demo/create';
import { loadSigningKey } from '../../electron/core/keys/signing-key';
import { saveResponse } from '../../electron/core/store/repos/responses';
import { originalPath } from '../../electron/core/evidence/layout';
import { exportBundle } from '../../electron/core/bundle/export';
import { markAcked } from '../../electron/core/sync/outbox-store';
import { openHq, type Hq } from '../../electron/core/hq/context';
import { enrolAuditor } from '../../electron/core/hq/enrol';
import { importBundleFile } from '../../electron/core/hq/import';
import { uuidv7 } from '../../shared/ids';
import type { Bench } from './types';

const PHOTO_MB = Number(process.env.BENCH_BUNDLE_MB ?? 1024);
const PHOTO_SIZE = 4 * 1024 * 1024;
const SMALL_BUNDLES = Number(process.env.BENCH_SMALL_BUNDLES ?? 1000);
const AUDITORS = 20;
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function peakSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  return () => { clearInterval(timer); return Math.max(peak, process.memoryUsage().rss); };
}

const timed = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};

async function laptop(root: string, i: number): Promise<Core> {
  const core = await openCore({ dataDir: join(root, `laptop-${i}`), secretBox: passphraseBox(`bench-${i}`) });
  saveProfileWithKey(core, { name: `Auditor ${i}`, organisation: 'Bench', email: `a${i}@example.org`, auditorId: `AUD-${String(i).padStart(3, '0')}` });
  createDemo(core);
  return core;
}

function enrol(hq: Hq, core: Core, i: number): void {
  const key = loadSigningKey(core);
  enrolAuditor(hq.db, { publicKey: key.publicKeyRaw.toString('base64'), auditorId: `AUD-${i}`, name: `Auditor ${i}` });
}

function editableTextAnswer(core: Core): { auditId: string; itemId: string } {
  const r = core.db.prepare(`SELECT r.audit_id, r.item_id FROM responses r JOIN audits a ON a.id = r.audit_id
    WHERE a.status != 'finalized' AND r.value LIKE '%"kind":"text"%' ORDER BY r.audit_id, r.item_id LIMIT 1`).get() as { audit_id: string; item_id: string };
  return { auditId: r.audit_id, itemId: r.item_id };
}

function changeAnswer(core: Core, text: string): void {
  const { auditId, itemId } = editableTextAnswer(core);
  saveResponse(core, { auditId, itemId, value: { kind: 'text', text }, note: '', severity: null, zeroTolerance: false });
}

/** Random originals straight into the content-addressed store, with their rows. */
function placePhotos(core: Core, auditId: string, count: number): string[] {
  const shas: string[] = [];
  const now = new Date().toISOString();
  const insFile = core.db.prepare(`INSERT INTO photo_files (sha256, ext, format, bytes, width, height, created_at) VALUES (?, 'jpg', 'jpeg', ?, 4000, 3000, ?)`);
  const insPhoto = core.db.prepare(`INSERT INTO photos (id, audit_id, sha256, scope, ref, caption, created_at, capture_source, original_name, updated_at)
    VALUES (?, ?, ?, 'audit', '', ?, ?, 'added', ?, ?)`);
  for (let i = 0; i < count; i++) {
    const data = randomBytes(PHOTO_SIZE);
    const sha = createHash('sha256').update(data).digest('hex');
    const file = originalPath(core.paths.photos, sha, 'jpg');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, data);
    core.db.transaction(() => {
      insFile.run(sha, data.length, now);
      insPhoto.run(uuidv7(), auditId, sha, `Photo ${i + 1}`, now, `IMG_${i}.jpg`, now);
    })();
    shas.push(sha);
  }
  return shas;
}

async function bigAudit(root: string, lines: string[]): Promise<boolean> {
  const core = await laptop(root, 0);
  const hq = await openHq(join(root, 'hq-big'), passphraseBox('bench-hq'));
  enrol(hq, core, 0);
  const { auditId } = editableTextAnswer(core);
  const count = Math.round((PHOTO_MB * 1048576) / PHOTO_SIZE);
  placePhotos(core, auditId, count);
  const photoDirs = readdirSync(core.paths.photos).filter((d) => /^[0-9a-f]{2}$/.test(d)).map((d) => join(core.paths.photos, d));
  execFileSync('sync');

  const out = join(root, 'big.fsb');
  let stop = peakSampler();
  const [full, tExport] = await timed(() => exportBundle(core, { out, auditIds: [auditId], recipient: null }));
  const peakExport = stop();
  const zipOut = join(root, 'ref.zip');
  const [, tZip] = await timed(() => execFileSync('zip', ['-0', '-r', '-q', zipOut, ...photoDirs], { cwd: core.paths.photos }));
  rmSync(zipOut, { force: true });

  stop = peakSampler();
  const [imp, tImport] = await timed(() => importBundleFile(hq, out));
  const peakImport = stop();
  if (imp.status !== 'imported') throw new Error(`import failed: ${imp.message}`);
  const unz = join(root, 'unzipped');
  const [, tUnzip] = await timed(() => {
    execFileSync('unzip', ['-q', out, '-d', unz]);
    execFileSync('sh', ['-c', 'sha256sum photos/* audits/* > /dev/null'], { cwd: unz });
  });
  rmSync(unz, { recursive: true, force: true });

  const exportRatio = tZip / tExport;
  const importRatio = tUnzip / tImport;
  lines.push(
    `audit with ${count} photos, ${mb(full.size)} bundle (unencrypted, as zip -0 makes it)`,
    `export ${sec(tExport)} (${(full.size / 1048576 / (tExport / 1000)).toFixed(0)} MB/s) vs zip -0 -r ${sec(tZip)}: throughput ratio ${exportRatio.toFixed(2)} (target >= 0.5)`,
    `HQ import (verify + store + transaction) ${sec(tImport)} vs unzip + sha256sum ${sec(tUnzip)}: throughput ratio ${importRatio.toFixed(2)} (target >= 0.5)`,
    `peak RSS: export ${mb(peakExport)}, import ${mb(peakImport)}`,
  );

  // One changed answer after HQ acknowledged the full bundle. The gigabytes
  // just written are flushed first: otherwise the database's fsync waits
  // for them, which measures the disk, not the bundle.
  markAcked(core.db, full.bundleId);
  execFileSync('sync');
  changeAnswer(core, 'One answer changed after the big bundle went.');
  const [inc, tInc] = await timed(() => exportBundle(core, { out: join(root, 'inc.fsb'), recipient: null }));
  lines.push(`incremental after one changed answer: ${(inc.size / 1000).toFixed(1)} kB in ${tInc.toFixed(0)} ms, ${inc.photos} photos re-sent (targets < 100 kB, < 200 ms)`);
  const incOk = inc.size < 100_000 && tInc < 200;
  hq.close();
  core.close();
  rmSync(join(root, 'hq-big'), { recursive: true, force: true });
  rmSync(join(root, 'laptop-0'), { recursive: true, force: true });
  rmSync(out, { force: true });
  return exportRatio >= 0.5 && importRatio >= 0.5 && incOk;
}

async function manySmall(root: string, lines: string[]): Promise<boolean> {
  const dir = join(root, 'small');
  mkdirSync(dir);
  const hq = await openHq(join(root, 'hq-many'), passphraseBox('bench-hq'));
  const files: string[] = [];
  const per = Math.ceil(SMALL_BUNDLES / AUDITORS);
  const t0 = performance.now();
  for (let a = 1; a <= AUDITORS; a++) {
    const core = await laptop(root, a);
    enrol(hq, core, a);
    for (let n = 0; n < per && files.length < SMALL_BUNDLES; n++) {
      if (n > 0) changeAnswer(core, `Answer ${n} of auditor ${a}`);
      const b = await exportBundle(core, { out: join(dir, `a${a}-${String(n).padStart(3, '0')}.fsb`), recipient: null });
      markAcked(core.db, b.bundleId);
      files.push(b.path);
    }
    core.close();
  }
  const tMake = performance.now() - t0;
  const stop = peakSampler();
  const [first, t1] = await timed(async () => { const r = []; for (const f of files) r.push(await importBundleFile(hq, f)); return r; });
  const [again, t2] = await timed(async () => { const r = []; for (const f of files) r.push(await importBundleFile(hq, f)); return r; });
  const peak = stop();
  const imported = first.filter((r) => r.status === 'imported').length;
  const already = again.filter((r) => r.status === 'already_imported').length;
  lines.push(
    `${files.length} bundles from ${AUDITORS} auditors (made in ${sec(tMake)}; each a full bundle then incrementals)`,
    `first import ${sec(t1)} (${imported} imported, ${(t1 / files.length).toFixed(1)} ms each); re-import ${sec(t2)} (${already} already imported): ${((100 * t2) / t1).toFixed(1)} % of the first (target <= 10 %)`,
    `peak RSS during imports: ${mb(peak)}`,
  );
  hq.close();
  return imported === files.length && already === files.length && t2 <= 0.1 * t1;
}

export const bundleBench: Bench = {
  name: 'bundle',
  async run() {
    const root = mkdtempSync(join(tmpdir(), 'fairsite-bundle-bench-'));
    const lines: string[] = [];
    try {
      const a = await bigAudit(root, lines);
      const b = await manySmall(root, lines);
      return { ok: a && b, lines };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
