// The signing key: made on the first profile save, sealed at rest, stable
// across saves, and usable by report and bundle signing.
import { readdirSync, readFileSync } from 'node:fs';
import { sign, verify } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSigningKey, fingerprintOf } from '../../../electron/core/keys/signing-key';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { readSigningKey } from '../../../electron/core/keys/signing-key';
import { AppError } from '../../../shared/errors';
import { testCore, type TestCore } from './helpers/core-fixture';

let t: TestCore;
beforeEach(async () => { t = await testCore(); });
afterEach(() => t.cleanup());

const PROFILE = { name: 'Maria Santos', organisation: 'Fair Audits Ltd', email: 'maria@example.org', auditorId: 'MS-01' };

describe('profile and signing key', () => {
  it('has no profile and no key before the first save', async () => {
    expect(await t.call('profile.get', {})).toBeNull();
    expect(() => loadSigningKey(t.core)).toThrow(AppError);
  });

  it('makes a sealed Ed25519 key on the first save and shows its fingerprint', async () => {
    const p = await t.call('profile.save', PROFILE);
    expect(p.keyFingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const key = loadSigningKey(t.core);
    expect(fingerprintOf(key.publicKeyRaw)).toBe(p.keyFingerprint);
    expect(key.publicKeyRaw).toHaveLength(32);
    const msg = Buffer.from('report bytes');
    expect(verify(null, msg, key.publicKey, sign(null, msg, key.privateKey))).toBe(true);

    const files = readdirSync(t.core.paths.keys);
    expect(files.sort()).toEqual(['signing-key.pub', 'signing-key.sealed']);
    const sealed = readFileSync(`${t.core.paths.keys}/signing-key.sealed`);
    const pkcs8 = key.privateKey.export({ format: 'der', type: 'pkcs8' });
    expect(sealed.includes(pkcs8.subarray(-32))).toBe(false); // the raw private scalar is not on disk
  });

  it('keeps the same key on later saves and names the auditor in events', async () => {
    const first = await t.call('profile.save', PROFILE);
    const second = await t.call('profile.save', { ...PROFILE, email: 'm.santos@example.org' });
    expect(second.keyFingerprint).toBe(first.keyFingerprint);
    expect(second.email).toBe('m.santos@example.org');
    expect(t.core.actor).toBe('Maria Santos (MS-01)');
    const actors = t.core.db.prepare("SELECT DISTINCT actor FROM events WHERE entity = 'profile'").all();
    expect(actors).toEqual([{ actor: 'Maria Santos (MS-01)' }]);
  });

  it('cannot unseal the key with the wrong passphrase', async () => {
    await t.call('profile.save', PROFILE);
    const err = (() => { try { readSigningKey(t.core.paths.keys, passphraseBox('wrong')); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/wrong passphrase/);
  });
});
