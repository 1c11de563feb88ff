// A real full disk (a 12 MiB tmpfs in a private mount namespace, filled to
// 256 KiB free): the photo upload answers "disk full" with what to do, never
// acknowledges bytes that are not on disk, closes its file handle, leaves no
// .part; once space is freed the same photo is stored under the hash of the
// bytes on disk. Needs `unshare` (util-linux) with user namespaces; Linux only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./full-disk-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const canMount = process.platform === 'linux' && spawnSync('unshare', ['-rm', 'true']).status === 0;

it.skipIf(!canMount)('a photo sent to a full disk: "disk full", no handle or .part left, stored whole once space is freed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fs-full-'));
  try {
    const script = `mount -t tmpfs -o size=12m tmpfs "$1" && exec "$2" --import tsx "$3" "$1"`;
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', dir, process.execPath, CHILD], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
      bytes: number; sha: string;
      full: Array<{ stage: string; received?: { received: number }; error?: { code: string; message: string } }>;
      afterFull: { opened: string[]; incoming: string[] };
      freed: { stage: string }; stored: string | null;
    };
    expect(out.bytes).toBeGreaterThan(1024 * 1024);
    for (const f of out.full) {
      expect(f.stage, JSON.stringify(out)).toBe('chunk');
      expect(f.error?.code).toBe('storage');
      expect(f.error?.message).toMatch(/The disk is full, so the photo was not stored\. Free some space/);
    }
    expect(out.afterFull, JSON.stringify(out)).toEqual({ opened: [], incoming: [] });
    expect(out.freed.stage, JSON.stringify(out)).toBe('done');
    expect(out.stored).toBe(out.sha);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
