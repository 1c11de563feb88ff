import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { safeStorageBox, WRAPPING_KEY_FILE, type SafeStorageLike } from '../../../electron/shell/secret-box';
import { keyVault } from '../../../electron/core/keys/vault';
import { fingerprintOf, keyFiles, rawPublicKey, readSigningKey } from '../../../electron/core/keys/signing-key';
import { openCore } from '../../../electron/core/core';
import { loadEndpoint } from '../../../electron/core/sync/endpoint';
import { getSetting, setSetting } from '../../../electron/core/sync/settings';

const dirs: string[] = [];
afterEach(() => { while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true }); });
const keysDir = () => { const d = mkdtempSync(join(tmpdir(), 'fairsite-keys-')); dirs.push(d); return join(d, 'keys'); };

/**
 * A stand-in keychain that really transforms the bytes, so sealing is checked
 * end to end. It offers only the asynchronous API plus the synchronous
 * decryptString for old secrets; a call to the deprecated encryptString or
 * isEncryptionAvailable would throw.
 */
function fakeKeychain(backend = 'gnome_libsecret', available = true, rotated = false) {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  const calls = { encrypt: 0 };
  const ss: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (s) => { calls.encrypt++; return xor(Buffer.from(s, 'utf8')); },
    decryptStringAsync: async (b) => ({ result: xor(b).toString('utf8'), shouldReEncrypt: rotated }),
    decryptString: (b) => xor(b).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
  return { ss, calls, xor };
}

describe('safeStorageBox', () => {
  it('seals and opens arbitrary bytes, under a wrapping key the keychain seals once', async () => {
    const k = fakeKeychain();
    const dir = keysDir();
    const { box, warning } = await safeStorageBox(k.ss, dir, 'linux');
    const secret = Buffer.from([0, 1, 2, 255, 254, 10, 13, 0]);
    const sealed = box.seal(secret);
    expect(sealed.includes(secret)).toBe(false);
    expect(box.open(sealed).equals(secret)).toBe(true);
    expect(warning).toBeNull();
    // After a restart the same wrapping key opens it; the keychain sealed nothing new.
    const again = await safeStorageBox(k.ss, dir, 'linux');
    expect(again.box.open(sealed).equals(secret)).toBe(true);
    expect(k.calls.encrypt).toBe(1);
    expect(readFileSync(join(dir, WRAPPING_KEY_FILE)).length).toBeGreaterThan(32);
  });

  it('a tampered sealed secret is refused', async () => {
    const { box } = await safeStorageBox(fakeKeychain().ss, keysDir(), 'linux');
    const sealed = box.seal(Buffer.from('signing key'));
    sealed[sealed.length - 1]! ^= 1;
    expect(() => box.open(sealed)).toThrow();
  });

  it('opens a secret an older version sealed straight with the keychain', async () => {
    const k = fakeKeychain();
    const { box } = await safeStorageBox(k.ss, keysDir(), 'linux');
    const old = k.xor(Buffer.from(Buffer.from('old key').toString('base64'), 'utf8'));
    expect(box.open(old).toString()).toBe('old key');
  });

  it('seals the wrapping key again when the keychain rotated its own', async () => {
    const dir = keysDir();
    await safeStorageBox(fakeKeychain().ss, dir, 'linux');
    const rotated = fakeKeychain('gnome_libsecret', true, true);
    await safeStorageBox(rotated.ss, dir, 'linux');
    expect(rotated.calls.encrypt).toBe(1);
  });

  it('refuses to start without a keychain', async () => {
    await expect(safeStorageBox(fakeKeychain('unknown', false).ss, keysDir(), 'linux')).rejects.toThrow(/keychain is not available/);
  });

  it('warns when Linux falls back to the fixed basic_text key', async () => {
    expect((await safeStorageBox(fakeKeychain('basic_text').ss, keysDir(), 'linux')).warning).toMatch(/basic_text/);
    expect((await safeStorageBox(fakeKeychain('basic_text').ss, keysDir(), 'darwin')).warning).toBeNull();
  });

  it('reads a secret an older version sealed with the keychain itself and stores it again in the current format', async () => {
    const k = fakeKeychain();
    const dir = keysDir();
    const vault = keyVault((await safeStorageBox(k.ss, dir, 'linux')).box, false);
    // What an earlier version left: the key's DER, base64, sealed straight by the keychain's synchronous API.
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const files = keyFiles(dir);
    writeFileSync(files.sealed, k.xor(Buffer.from(privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'), 'utf8')));
    writeFileSync(files.pub, publicKey.export({ format: 'pem', type: 'spki' }));
    const expected = fingerprintOf(rawPublicKey(publicKey));

    expect(readSigningKey(dir, vault).fingerprint).toBe(expected);
    expect(readFileSync(files.sealed).subarray(0, 4).toString()).toBe('FSK1');

    // Once written again, the deprecated API is not needed: a keychain without it opens the key.
    const { decryptString: _deprecated, ...current } = k.ss;
    const later = keyVault((await safeStorageBox(current, dir, 'linux')).box, false);
    expect(readSigningKey(dir, later).fingerprint).toBe(expected);
  });

  it('an upload secret stored by an older version is sealed again when it is read', async () => {
    const k = fakeKeychain();
    const dataDir = dirname(keysDir());
    const vault = keyVault((await safeStorageBox(k.ss, join(dataDir, 'keys'), 'linux')).box, false);
    mkdirSync(dataDir, { recursive: true });
    const core = await openCore({ dataDir, secretBox: vault, keyVault: vault, assetsDir: join(dataDir, 'none') });
    try {
      const old = k.xor(Buffer.from(Buffer.from('s3cret token', 'utf8').toString('base64'), 'utf8')).toString('base64');
      setSetting(core, 'sync.endpoint', JSON.stringify({ kind: 'webdav', url: 'https://hq.example/dav/', auth: 'bearer', username: '', sealed: old }));
      expect(loadEndpoint(core)?.secret).toBe('s3cret token');
      const stored = JSON.parse(getSetting(core, 'sync.endpoint')!) as { sealed: string };
      expect(Buffer.from(stored.sealed, 'base64').subarray(0, 4).toString()).toBe('FSK1');
      expect(loadEndpoint(core)?.secret).toBe('s3cret token');
    } finally {
      core.close();
    }
  });
});
