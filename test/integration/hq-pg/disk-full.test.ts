// PostgreSQL's disk filling up (SQLSTATE 53100, disk_full) is HQ's existing
// "disk full, import again" result: HQ's tables are moved to a tablespace on
// a small tmpfs this test mounts, the tmpfs is filled, and an import fails
// with hq_disk_full, a message naming the server, and nothing written on
// the server; with room again the same file imports. Mounting needs root
// (CAP_SYS_ADMIN): where it is refused the test is skipped and says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBundleFile } from '../../../electron/core/hq/import';
import type { HqFolder } from '../../../electron/core/hq/context';
import { pgStoreOf } from '../../../electron/core/hq/engine/open';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { cycleStateOf, enrolInput, makeBundleSet, makePgHq, queryOf, stateOf, type BundleSet } from './pg-hq';

/** Why a small tmpfs cannot be mounted here, or null when it can (tried once, then unmounted). */
function mountUnavailable(): string | null {
  const probe = mkdtempSync(join(tmpdir(), 'fs-mnt-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return `mounting a tmpfs is not allowed here (${(e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message})`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const skip = pgUnavailable() ?? mountUnavailable();
if (skip) console.log(`PostgreSQL disk-full test skipped: ${skip}`);

describe.skipIf(!!skip)('PostgreSQL disk full (53100)', () => {
  let root: string;
  let server: PgServer;
  let set: BundleSet;
  let hq: HqFolder;
  let mnt: string;
  let mounted = false;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-pgfull-'));
    server = await startPg();
    set = await makeBundleSet(root);
    hq = await makePgHq(root, await createDatabase(server, 'diskfull'));
    for (const l of [set.a.core, set.b.core]) await hq.store.enrol(enrolInput(l));
    // The tablespace: a 4 MiB tmpfs owned by the server's user, HQ's tables and indexes moved onto it.
    mnt = mkdtempSync(join(tmpdir(), 'fs-pgfull-ts-'));
    const uid = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=4m,uid=${uid},gid=${gid},mode=0700`, 'tmpfs', mnt]);
    mounted = true;
    const pool = pgStoreOf(hq)!.pool;
    await pool.query(`CREATE TABLESPACE small LOCATION '${mnt}'`);
    const rels = (await pool.query("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")).rows as Array<{ name: string }>;
    for (const r of rels) await pool.query(`ALTER TABLE ${r.name} SET TABLESPACE small`);
    const idx = (await pool.query("SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'")).rows as Array<{ name: string }>;
    for (const r of idx) await pool.query(`ALTER INDEX ${r.name} SET TABLESPACE small`);
  }, 180_000);

  afterAll(async () => {
    await hq?.store.close();
    set?.close();
    server?.stop();
    if (mounted) execFileSync('umount', ['-l', mnt]);
    if (mnt) rmSync(mnt, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  it('an import that fills the server\'s disk fails as "disk full, import again", nothing written; with room again it imports', async () => {
    const q = queryOf(hq);
    const before = { rows: await stateOf(q), cycle: await cycleStateOf(q), changes: await q('SELECT * FROM hq_change ORDER BY seq') };
    // Fill the tablespace: root writes past the tmpfs's room until it is refused.
    const filler = join(mnt, 'filler');
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'pipe' });
    } catch {
      // dd ends with "No space left on device": the disk is full, as wanted.
    }
    const r = await importBundleFile(hq, set.files.a1);
    expect(r.status).toBe('failed');
    expect(r.reason).toBe('hq_disk_full');
    expect(r.message).toMatch(/^The disk of HQ's PostgreSQL server \(postgres:\/\/.*\) is full.*nothing was imported.*import the same file again\.$/);
    const pgLog = execFileSync('sh', ['-c', `grep -c 'could not extend file' ${join(server.dir, 'server.log')} || true`]).toString().trim();
    expect(Number(pgLog)).toBeGreaterThan(0);
    expect({ rows: await stateOf(q), cycle: await cycleStateOf(q), changes: await q('SELECT * FROM hq_change ORDER BY seq') }).toEqual(before);

    rmSync(filler);
    expect((await importBundleFile(hq, set.files.a1)).status).toBe('imported');
    expect((await q('SELECT count(*)::int AS n FROM hq_audit')) as unknown[]).not.toEqual([{ n: 0 }]);
  });
});
