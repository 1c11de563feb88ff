// Run by full-disk.test.ts inside its own mount namespace with DIR on a small
// tmpfs: a real full disk. Sends a photo through the contract with 256 KiB
// free, then again after space is freed, and prints what it saw as JSON.
//   node --import tsx full-disk-child.ts DIR
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedAudit, testCore } from '../core/helpers/core-fixture';
import { makeJpeg } from './helpers';
import { photoFile } from '../../../electron/core/bundle/export';

const dir = process.argv[2]!;
const t = await testCore(dir);
const auditId = (await seedAudit(t)).audit.id;
const bytes = await makeJpeg(2000, 1500, { seed: 7 });
const sha = createHash('sha256').update(bytes).digest('hex');

function fillLeaving(free: number): string {
  const filler = join(dir, 'filler');
  const s = statfsSync(dir);
  writeFileSync(filler, Buffer.alloc(Math.max(0, s.bavail * s.bsize - free)));
  return filler;
}

async function send() {
  const s = await t.dispatch('evidence.upload.start', { auditId, name: 'big.jpg', size: bytes.length });
  if (!s.ok) return { stage: 'start', error: s.error };
  const { uploadId, chunkBytes } = s.value as { uploadId: string; chunkBytes: number };
  let c;
  for (let off = 0; off < bytes.length; off += chunkBytes) {
    c = await t.dispatch('evidence.upload.chunk', { uploadId, offset: off, data: bytes.subarray(off, off + chunkBytes).toString('base64') });
    if (!c.ok) return { stage: 'chunk', error: c.error };
  }
  if (!c?.ok) return { stage: 'chunk' };
  const f = await t.dispatch('evidence.upload.finish', { uploadId, target: { kind: 'audit' }, caption: '' });
  if (!f.ok) return { stage: 'finish', received: c.value, error: f.error };
  return { stage: 'done', received: c.value, photo: f.value };
}

// What this process has open, by target: a count alone also moves with the
// core's own background work (a handle closed meanwhile read as -1 under load).
const openFiles = () => readdirSync('/proc/self/fd').map((fd) => { try { return readlinkSync(`/proc/self/fd/${fd}`); } catch { return ''; } });
const incoming = () => { try { return readdirSync(join(t.core.paths.photos, 'incoming')); } catch { return []; } };
const filesBefore = openFiles();
/** Files open now that were not before (each handle counted). */
const openedSince = (before: string[]) => {
  const left = [...before];
  return openFiles().filter((f) => { const i = left.indexOf(f); if (i < 0) return true; left.splice(i, 1); return false; });
};
const filler = fillLeaving(256 * 1024);
const full = [];
for (let i = 0; i < 3; i++) full.push(await send());
const afterFull = { opened: openedSince(filesBefore), incoming: incoming() };
rmSync(filler);
const freed = await send();
const stored = freed.stage === 'done' ? createHash('sha256').update(readFileSync(photoFile(t.core, sha)!)).digest('hex') : null;
console.log(JSON.stringify({ bytes: bytes.length, sha, full, afterFull, freed: { stage: freed.stage, error: 'error' in freed ? freed.error : null }, stored }));
t.core.close();
