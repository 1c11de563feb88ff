// HQ import on a real PostgreSQL ends in exactly the rows the SQLite engine
// writes (data and read model), for the same bundles made by the real
// export code: in order, again (nothing new), out of order (held, then
// released), and a refused bundle changes nothing. Action chains and
// follow-ups too: the chain a bundle continues is checked against the one the
// server holds, and a rewritten one is refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBundleFile } from '../../../electron/core/hq/import';
import { hqStatus } from '../../../electron/core/hq/service';
import type { HqFolder } from '../../../electron/core/hq/context';
import { enrolLaptop, makeHq, snapshot } from '../bundle/hq';
import { forgeRewrittenChain, makeCycleBundles } from './cycle-bundles';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { cycleStateOf, enrolInput, makeBundleSet, makePgHq, queryOf, stateOf, type BundleSet } from './pg-hq';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

describe.skipIf(!!skip)('HQ on PostgreSQL', () => {
  let root: string;
  let server: PgServer;
  let set: BundleSet;
  let reference: unknown;
  let facts: unknown;
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
    facts = (await cycleStateOf(queryOf(hq))).facts;
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
    expect((await cycleStateOf(queryOf(hq))).facts).toEqual(facts);
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
    expect((await cycleStateOf(queryOf(hq))).facts).toEqual(facts);
    expect((await hqStatus(hq)).held).toEqual([]);
  }, 120_000);

  it('imports running at once in one process (the inbox and a drop) share its scratch copy one at a time', async () => {
    const hq = await pgHq('inprocess');
    const results = await Promise.all(Object.values(set.files).map((f) => importBundleFile(hq, f)));
    const imported = results.flatMap((r) => [r, ...(r.released ?? [])]).filter((r) => r.status === 'imported').map((r) => r.bundleId).sort();
    expect(new Set(imported).size).toBe(5);
    expect(await stateOf(queryOf(hq))).toEqual(reference);
  }, 120_000);

  it('action chains and follow-ups end in the rows SQLite writes; a chain rewritten with valid hashes is refused, nothing written', async () => {
    // After the set: a full bundle starting a chain, one only continuing it, one with a follow-up verifying the actions.
    const cycle = await makeCycleBundles(set.b.core, root, 'cycle');
    const files = [...Object.values(set.files), ...cycle.files];
    const lite = await makeHq(root);
    try {
      enrolLaptop(lite, set.a.core);
      enrolLaptop(lite, set.b.core);
      for (const f of files) expect((await importBundleFile(lite, f)).status).toBe('imported');
      const hq = await pgHq('cycle');
      for (const f of files) {
        const r = await importBundleFile(hq, f);
        expect(r.status, r.message).toBe('imported');
      }
      const want = await cycleStateOf(queryOf(lite));
      const got = await cycleStateOf(queryOf(hq));
      expect(got).toEqual(want);
      expect(await stateOf(queryOf(hq))).toEqual(await stateOf(queryOf(lite)));
      // Not empty: both statuses, the follow-up's verifications, the evidence, the link, closed actions and findings.
      expect(want.history!.length).toBeGreaterThanOrEqual(5);
      expect(want.evidence).toHaveLength(1);
      expect(want.followUps).toEqual([expect.objectContaining({ follow_up_of: cycle.auditId, mode: 'on_site' })]);
      expect(want.closure!.some((r) => (r as { status: string }).status === 'closed')).toBe(true);
      expect(want.findingClosure!.length).toBeGreaterThan(0);

      const forged = join(root, 'cycle-forged.fsb');
      await forgeRewrittenChain(set.b.core, cycle.auditId, root, forged);
      const files0 = snapshot(hq.paths.dir);
      const r = await importBundleFile(hq, forged);
      expect(r.status, r.message).toBe('rejected');
      expect(r.reason).toBe('bad_content');
      expect(r.message).toMatch(/rewritten/);
      expect(await cycleStateOf(queryOf(hq))).toEqual(got);
      expect(await stateOf(queryOf(hq))).toEqual(await stateOf(queryOf(lite)));
      expect(snapshot(hq.paths.dir)).toEqual(files0);
    } finally {
      lite.close();
    }
  }, 180_000);

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
