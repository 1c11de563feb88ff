import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changeOneAnswer, makeLaptop, type Laptop } from './laptop';
import { enrolLaptop, hqState, makeHq, snapshot } from './hq';
import { exportBundle } from '../../../electron/core/bundle/export';
import { verifyBundle } from '../../../electron/core/bundle/verify';
import { importBundleFile } from '../../../electron/core/hq/import';
import { initHqKey, loadHqIdentity } from '../../../electron/core/hq/keys';
import { revokeAuditor } from '../../../electron/core/hq/enrol';
import { markAcked } from '../../../electron/core/sync/outbox-store';
import { setHqRecipient } from '../../../electron/core/sync/settings';
import { openCore } from '../../../electron/core/core';
import { coreEnglish } from '../../../shared/core-messages';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import type { Hq } from '../../../electron/core/hq/context';

let root: string;
let laptop: Laptop;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hqimp-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
});
afterAll(() => {
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('HQ import', () => {
  let hq: Hq;
  beforeAll(async () => { hq = await makeHq(root); });
  afterAll(() => hq.close());

  test('a bundle from an unknown key is refused and leaves HQ untouched', async () => {
    const out = join(root, 'unknown.fsb');
    await exportBundle(laptop.core, { out });
    const changes = () => (hq.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = snapshot(hq.paths.dir);
    const changed = changes();
    const r = await importBundleFile(hq, out);
    expect(r.status).toBe('rejected');
    expect(r.reason).toBe('unknown_signer');
    expect(r.message).toMatch(/not enrolled/);
    // Not one row written, and every byte of HQ's files as it was (SQLite's -shm aside, see snapshot).
    expect(changes()).toBe(changed);
    expect(snapshot(hq.paths.dir)).toEqual(before);
    expect(readdirSync(hq.paths.staging)).toEqual([]);
  });

  test('enrolled: imported once; the same bundle again says "already imported" and changes nothing', async () => {
    enrolLaptop(hq, laptop.core);
    const out = join(root, 'full.fsb');
    await exportBundle(laptop.core, { out });
    const r = await importBundleFile(hq, out);
    expect(r.status, r.message).toBe('imported');
    expect(r.audits).toHaveLength(laptop.auditIds.length);
    expect(r.text).toMatchObject({ key: 'hqImport.imported', params: { bundle: r.bundleId, carried: { key: 'hqImport.audits', params: { count: laptop.auditIds.length } } } });
    expect(coreEnglish(r.text!)).toBe(r.message);
    const state = hqState(hq);
    const before = snapshot(hq.paths.dir);
    const again = await importBundleFile(hq, out);
    expect(again.status).toBe('already_imported');
    expect(again.message).toMatch(/already imported/);
    expect(again.text).toEqual({ key: 'hqImport.already', params: { bundle: r.bundleId } });
    expect(snapshot(hq.paths.dir)).toEqual(before);
    expect(hqState(hq)).toEqual(state);
  });

  test('incremental after one changed answer: small, and held when it arrives before its base', async () => {
    const fresh = await makeHq(root);
    enrolLaptop(fresh, laptop.core);
    const fullOut = join(root, 'base.fsb');
    const full = await exportBundle(laptop.core, { out: fullOut });
    markAcked(laptop.core.db, full.bundleId);
    const changed = changeOneAnswer(laptop.core, 'Changed after the first bundle was sent.');
    const incOut = join(root, 'inc.fsb');
    const inc = await exportBundle(laptop.core, { out: incOut });
    expect(inc.baseBundleId).toBe(full.bundleId);
    expect(inc.audits).toBe(1);
    expect(inc.photos).toBe(0);
    expect(inc.manifest.audits[0]!.id).toBe(changed);
    expect(inc.manifest.audits[0]!.fromSeq).toBeGreaterThan(1);
    expect(inc.size).toBeLessThan(100_000);

    const held = await importBundleFile(fresh, incOut);
    expect(held.status, held.message).toBe('held');
    expect(held.message).toMatch(/waiting for bundle/);
    // What it waits for, kept in English by the store, is read back into its message.
    expect(held.text).toMatchObject({ key: 'hqImport.held', params: { reason: { key: 'hqImport.waitBundle' } } });
    expect(coreEnglish(held.text!)).toBe(held.message);
    const base = await importBundleFile(fresh, fullOut);
    expect(base.status).toBe('imported');
    expect(base.released?.map((x) => x.bundleId)).toEqual([inc.bundleId]);
    expect(existsSync(join(fresh.paths.held, `${inc.contentHash}.fsb`))).toBe(false);
    const a = fresh.db.prepare('SELECT * FROM audits WHERE audit_id = ?').get(changed) as { heads: number; conflict: number; current_head: string };
    expect(a).toMatchObject({ heads: 1, conflict: 0, current_head: inc.manifest.audits[0]!.headHash });
    fresh.close();
  });

  test('two diverging versions of one audit are both kept and flagged', async () => {
    const fresh = await makeHq(root);
    enrolLaptop(fresh, laptop.core);
    // A copy of the laptop's data (a restored backup) edited apart from the original.
    const copyDir = join(root, 'copy');
    laptop.core.db.pragma('wal_checkpoint(TRUNCATE)');
    cpSync(laptop.dir, copyDir, { recursive: true });
    const twin = await openCore({ dataDir: copyDir, secretBox: passphraseBox('laptop-test-passphrase') });
    const id1 = changeOneAnswer(laptop.core, 'Version written on the original laptop.');
    const id2 = changeOneAnswer(twin, 'Version written on the restored copy.');
    expect(id1).toBe(id2);
    const o1 = join(root, 'c1.fsb');
    const o2 = join(root, 'c2.fsb');
    await exportBundle(laptop.core, { out: o1, full: true });
    await exportBundle(twin, { out: o2, full: true });
    twin.close();
    expect((await importBundleFile(fresh, o1)).status).toBe('imported');
    const r2 = await importBundleFile(fresh, o2);
    expect(r2.status).toBe('imported');
    expect(r2.conflicts).toEqual([id1]);
    const versions = fresh.db.prepare('SELECT head_hash FROM audit_versions WHERE audit_id = ?').all(id1);
    expect(versions).toHaveLength(2);
    expect(fresh.db.prepare('SELECT heads, conflict FROM audits WHERE audit_id = ?').get(id1)).toEqual({ heads: 2, conflict: 1 });
    fresh.close();
  });

  test('encrypted to HQ by default once its key is configured; only HQ can open it', async () => {
    const fresh = await makeHq(root);
    enrolLaptop(fresh, laptop.core);
    const { recipient } = await initHqKey(fresh);
    setHqRecipient(laptop.core, recipient);
    const out = join(root, 'enc.fsb');
    const b = await exportBundle(laptop.core, { out, full: true });
    expect(b.encrypted).toBe(true);
    const staging = mkdtempSync(join(root, 'v-'));
    await expect(verifyBundle(out, { staging, extract: false })).rejects.toMatchObject({ reason: 'decrypt_failed' });
    const r = await importBundleFile(fresh, out);
    expect(r.status, r.message).toBe('imported');
    // HQ's private key is nowhere in plain text, and the ciphertext names nothing inside.
    const identity = loadHqIdentity(fresh);
    expect(identity).toMatch(/^AGE-SECRET-KEY-1/);
    for (const f of Object.keys(snapshot(fresh.paths.dir))) expect(readFileSync(join(fresh.paths.dir, f)).includes(identity)).toBe(false);
    const cipher = readFileSync(out);
    for (const word of ['manifest.json', 'Asha Rao', 'AUD-001', 'audits/', b.manifest.bundleId]) expect(cipher.includes(word)).toBe(false);
    setHqRecipient(laptop.core, null);
    fresh.close();
  });

  test('a revoked key is refused', async () => {
    const fresh = await makeHq(root);
    enrolLaptop(fresh, laptop.core);
    const fp = (fresh.db.prepare('SELECT fingerprint FROM auditors').get() as { fingerprint: string }).fingerprint;
    revokeAuditor(fresh.db, fp);
    const out = join(root, 'rev.fsb');
    await exportBundle(laptop.core, { out, full: true });
    const r = await importBundleFile(fresh, out);
    expect(r).toMatchObject({ status: 'rejected', reason: 'revoked_signer' });
    fresh.close();
  });
});
