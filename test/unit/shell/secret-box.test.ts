import { describe, expect, it } from 'vitest';
import { safeStorageBox, type SafeStorageLike } from '../../../electron/shell/secret-box';

// A stand-in keychain that really transforms the bytes, so sealing is checked end to end.
function fakeKeychain(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => xor(Buffer.from(s, 'utf8')),
    decryptString: (b) => xor(b).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

describe('safeStorageBox', () => {
  it('seals and opens arbitrary bytes', () => {
    const { box, warning } = safeStorageBox(fakeKeychain(), 'linux');
    const secret = Buffer.from([0, 1, 2, 255, 254, 10, 13, 0]);
    const sealed = box.seal(secret);
    expect(sealed.equals(secret)).toBe(false);
    expect(box.open(sealed).equals(secret)).toBe(true);
    expect(warning).toBeNull();
  });
  it('refuses to start without a keychain', () => {
    expect(() => safeStorageBox(fakeKeychain('unknown', false), 'linux')).toThrow(/keychain is not available/);
  });
  it('warns when Linux falls back to the fixed basic_text key', () => {
    expect(safeStorageBox(fakeKeychain('basic_text'), 'linux').warning).toMatch(/basic_text/);
    expect(safeStorageBox(fakeKeychain('basic_text'), 'darwin').warning).toBeNull();
  });
});
