// HQ configuration key rotation on real folders: a laptop that trusted HQ's
// configuration key takes a package signed by a new key only when the old key
// endorses it in the package (HQ rotated), or when the person typed the new
// key's fingerprint (an explicit re-trust). The same new key without the
// endorsement, an endorsement by another key, an endorsement lifted onto
// another signer, and a key two rotations on are refused and change nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLaptop, type Laptop } from '../bundle/laptop';
import { makeHq } from '../bundle/hq';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import { publishHqConfig } from '../../../electron/core/hqconfig/publish';
import { hqConfigKey, previousHqConfigKey, rotateHqConfigKey, signPackage } from '../../../electron/core/hqconfig/signing';
import type { Hq } from '../../../electron/core/hq/context';
import type { AppErrorData } from '../../../shared/errors';
import type { HqConfigApplied, HqConfigPackage } from '../../../shared/domain/hq-config';

const UPLOAD = { kind: 'webdav' as const, url: 'https://hq.example.org/dav/inbox' };
const day = (d: number) => new Date(`2026-11-${String(d).padStart(2, '0')}T09:00:00Z`);

let root: string;
let hq: Hq;
let other: Hq;
const laptops: Laptop[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hqcfg-rot-'));
  hq = await makeHq(root);
  other = await makeHq(root);
  for (const [name, id] of [['Asha Rao', 'AUD-001'], ['Ben Okafor', 'AUD-002']] as const) laptops.push(await makeLaptop(name, id, root));
}, 120_000);
afterAll(() => {
  hq.close();
  other.close();
  for (const l of laptops) l.core.close();
  rmSync(root, { recursive: true, force: true });
});

const call = (l: Laptop, op: string, input: unknown) => createDispatch(handlers, l.core)(op, input);
async function imported(l: Laptop, text: string, expectFingerprint?: string): Promise<HqConfigApplied> {
  const env = await call(l, 'hqConfig.import', { text, ...(expectFingerprint ? { expectFingerprint } : {}) });
  if (!env.ok) throw new Error(env.error.message);
  return env.value as HqConfigApplied;
}
async function refused(l: Laptop, text: string): Promise<AppErrorData> {
  const env = await call(l, 'hqConfig.import', { text });
  if (env.ok) throw new Error('the package was accepted');
  return env.error;
}
const state = (l: Laptop) => l.core.db.prepare('SELECT key, value FROM settings ORDER BY key').all();
const pkgOf = (text: string) => JSON.parse(text) as HqConfigPackage;
const textOf = (p: HqConfigPackage) => JSON.stringify(p);

describe('HQ configuration key rotation', () => {
  test('endorsed by the key it trusted, a laptop takes the new key; without the endorsement only when the new fingerprint is typed', async () => {
    const [asha, ben] = laptops as [Laptop, Laptop];
    const first = await publishHqConfig(hq, { organisation: 'Acme Compliance', upload: UPLOAD, templates: [] }, day(1));
    for (const l of laptops) expect((await imported(l, first.text)).fingerprint).toBe(first.fingerprint);
    expect(pkgOf(first.text).previous).toBeUndefined();

    const rotated = rotateHqConfigKey(hq);
    expect(rotated.previousFingerprint).toBe(first.fingerprint);
    expect(rotated.fingerprint).not.toBe(first.fingerprint);
    expect(hqConfigKey(hq).fingerprint).toBe(rotated.fingerprint);
    const second = await publishHqConfig(hq, { organisation: 'Acme Compliance', upload: UPLOAD, templates: [] }, day(2));
    expect(second.fingerprint).toBe(rotated.fingerprint);
    expect(pkgOf(second.text).previous).toBeDefined();

    // Ben's laptop first sees the new key without its endorsement: refused, nothing changed.
    const bare = { ...pkgOf(second.text) };
    delete bare.previous;
    const before = state(ben);
    const e = await refused(ben, textOf(bare));
    expect(e.text?.params?.reason).toEqual({ key: 'hqConfig.notTrustedKey', params: { fingerprint: rotated.fingerprint, trusted: first.fingerprint } });
    expect(state(ben)).toEqual(before);

    // Asha's takes the endorsed package, and trusts the new key from then on.
    expect((await imported(asha, second.text)).fingerprint).toBe(rotated.fingerprint);
    expect((await imported(asha, textOf(bare))).fingerprint).toBe(rotated.fingerprint);
    // The old key is no longer hers to trust.
    const old = signPackage({ ...pkgOf(first.text).body, issuedAt: day(3).toISOString() }, readOldKey());
    expect((await refused(asha, textOf(old))).text?.params?.reason).toMatchObject({ key: 'hqConfig.notTrustedKey' });

    // Ben re-trusts by hand: the new fingerprint typed, as HQ shows it.
    expect((await imported(ben, textOf(bare), rotated.fingerprint.replace(/ /g, '').toUpperCase())).fingerprint).toBe(rotated.fingerprint);
  });

  test('an endorsement by another key, or lifted onto another signer, is refused; so is a key two rotations on', async () => {
    const [asha] = laptops as [Laptop];
    const trusted = hqConfigKey(hq);
    const body = { ...pkgOf((await publishHqConfig(hq, { organisation: 'Acme Compliance', upload: UPLOAD, templates: [] }, day(4))).text).body };
    const stranger = hqConfigKey(other);
    const before = state(asha);
    // Signed by the stranger, "endorsed" by another stranger key: not the key the laptop trusts.
    const third = await makeHq(root);
    const byStranger = signPackage(body, stranger, hqConfigKey(third));
    third.close();
    expect((await refused(asha, textOf(byStranger))).text?.params?.reason).toMatchObject({ key: 'hqConfig.notTrustedKey' });
    // The trusted key's endorsement of another key, lifted onto the stranger's signature: it does not cover this signer.
    const genuine = signPackage(body, rotateAndRead(other), trusted);
    const lifted = { ...byStranger, previous: genuine.previous };
    expect((await refused(asha, textOf(lifted))).text?.params?.reason).toMatchObject({ key: 'hqConfig.notTrustedKey' });
    // HQ rotates twice; the newest key is endorsed by the one between, which this laptop never trusted.
    rotateHqConfigKey(hq);
    rotateHqConfigKey(hq);
    const twice = await publishHqConfig(hq, { organisation: 'Acme Compliance', upload: UPLOAD, templates: [] }, day(5));
    expect((await refused(asha, twice.text)).text?.params?.reason).toMatchObject({ key: 'hqConfig.notTrustedKey' });
    expect(state(asha)).toEqual(before);
  });
});

/** The key HQ rotated from, as HQ keeps it. */
function readOldKey() {
  return previousHqConfigKey(hq)!;
}

/** Rotates `h`'s key and returns the new one. */
function rotateAndRead(h: Hq) {
  rotateHqConfigKey(h);
  return hqConfigKey(h);
}
