// HQ import on a real PostgreSQL ends in exactly the rows the SQLite engine
// writes (data and read model), for the same bundles made by the real
// export code: in order, again (nothing new), out of order (held, then
// released), and a refused bundle changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBundleFile } from '../../../electron/core/hq/import';
import { hqStatus } from '../../../electron/core/hq/service';
import type { HqFolder } from '../../../electron/core/hq/context';
import { enrolLaptop, makeHq } from '../bundle/hq';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { enrolInput, makeBundleSet, makePgHq, queryOf, stateOf, type BundleSet } from './pg-hq';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

describe.skipIf(!!skip)('HQ on PostgreSQL', () => {
  let root: string;
  let server: PgServer;
  let set: BundleSet;
  let reference: unknown;
  const open: HqFolder[] = [];

  async function pgHq(name: string): Promise<HqFolder> {
    const hq = await makePgHq(root, await createDatabase(server, name));
    for (const l of [set.a.core, set.b.core]) await hq.store.enrol(enrolInput(l));
    open.push(hq);
    return hq;
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-hqpg-'));
    server = await startPg();
    set = await makeBundleSet(root);
    const hq = await makeHq(root);
    enrolLaptop(hq, set.a.core);
    enrolLaptop(hq, set.b.core);
    for (const f of Object.values(set.files)) expect((await importBundleFile(hq, f)).status).toBe('imported');
    reference = await stateOf(queryOf(hq));
    const ref = reference as { readModel: unknown[]; readRows: unknown[][]; events: unknown[] };
    expect(ref.readModel.length).toBeGreaterThan(1);
    expect(ref.readRows[0]!.length).toBeGreaterThan(10);
    hq.close();
  }, 180_000);

  afterAll(async () => {
    for (const hq of open) await hq.store.close();
    set?.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('imports in order to the same rows as SQLite, conflict flagged; importing again changes nothing', async () => {
    const hq = await pgHq('inorder');
    const results = [];
    for (const f of Object.values(set.files)) results.push(await importBundleFile(hq, f));
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported']);
    expect(results[3]!.conflicts).toHaveLength(1);
    const st = await stateOf(queryOf(hq));
    expect(st).toEqual(reference);
    for (const f of Object.values(set.files)) expect((await importBundleFile(hq, f)).status).toBe('already_imported');
    expect(await stateOf(queryOf(hq))).toEqual(reference);
    const status = await hqStatus(hq);
    expect(status.auditors.map((a) => a.auditorId).sort()).toEqual(['AUD-001', 'AUD-002']);
    expect(status.audits.some((a) => a.conflict)).toBe(true);
  }, 120_000);

  it('holds bundles whose base is missing and applies them when it lands', async () => {
    const hq = await pgHq('outoforder');
    expect((await importBundleFile(hq, set.files.a3)).status).toBe('held');
    expect((await importBundleFile(hq, set.files.a2)).status).toBe('held');
    expect((await hqStatus(hq)).held).toHaveLength(2);
    const r = await importBundleFile(hq, set.files.a1);
    expect(r.status).toBe('imported');
    expect(r.released?.map((x) => x.status)).toEqual(['imported', 'imported']);
    for (const f of [set.files.twin, set.files.b1]) expect((await importBundleFile(hq, f)).status).toBe('imported');
    expect(await stateOf(queryOf(hq))).toEqual(reference);
    expect((await hqStatus(hq)).held).toEqual([]);
  }, 120_000);

  it('imports running at once in one process (the inbox and a drop) share its scratch copy one at a time', async () => {
    const hq = await pgHq('inprocess');
    const results = await Promise.all(Object.values(set.files).map((f) => importBundleFile(hq, f)));
    const imported = results.flatMap((r) => [r, ...(r.released ?? [])]).filter((r) => r.status === 'imported').map((r) => r.bundleId).sort();
    expect(new Set(imported).size).toBe(5);
    expect(await stateOf(queryOf(hq))).toEqual(reference);
  }, 120_000);

  it('a refused bundle (tampered, or from a revoked key) writes nothing', async () => {
    const hq = await pgHq('refusals');
    expect((await importBundleFile(hq, set.files.a1)).status).toBe('imported');
    const before = await stateOf(queryOf(hq));
    const bytes = readFileSync(set.files.b1);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    const bad = join(root, 'tampered.fsb');
    writeFileSync(bad, bytes);
    expect((await importBundleFile(hq, bad)).status).toBe('rejected');
    const b = (await hq.store.listAuditors()).find((a) => a.auditorId === 'AUD-002')!;
    expect((await hq.store.revoke(b.fingerprint)).revokedAt).not.toBeNull();
    const r = await importBundleFile(hq, set.files.b1);
    expect(r.status).toBe('rejected');
    expect(await stateOf(queryOf(hq))).toEqual(before);
    await expect(hq.store.enrol(enrolInput(set.b.core))).rejects.toThrow(/revoked/);
  }, 120_000);
});
