// Keys at rest are sealed with the operating system's keychain through
// Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet), by its
// asynchronous API (the synchronous one is deprecated). The core seals and
// opens synchronously, so the keychain protects one random wrapping key in
// the data folder (keys/system-key.sealed), opened once at start; each secret
// is then sealed with AES-256-GCM under it. Secrets that earlier versions
// sealed with the keychain itself still open (the deprecated decryptString,
// only to read them) and are sealed again in the current format by whoever
// stores them (SecretBox.outdated). Written against a small interface so it
// is tested without Electron.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../core/atomic-file';
import type { SecretBox } from '../core/keys/secret-box';
import { AppError } from '../../shared/errors';

export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plain: string): Promise<Buffer>;
  decryptStringAsync(sealed: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
  /**
   * Only to open secrets sealed by earlier versions, straight by the
   * keychain; never used to seal (Electron deprecates it).
   */
  decryptString?(sealed: Buffer): string;
}

/** Sealed under the wrapping key: MAGIC | iv(12) | tag(16) | data. */
const MAGIC = Buffer.from('FSK1');
export const WRAPPING_KEY_FILE = 'system-key.sealed';

async function wrappingKey(ss: SafeStorageLike, keysDir: string): Promise<Buffer> {
  const file = join(keysDir, WRAPPING_KEY_FILE);
  if (existsSync(file)) {
    const { result, shouldReEncrypt } = await ss.decryptStringAsync(readFileSync(file));
    // The keychain rotated its own key: seal ours again under the new one.
    if (shouldReEncrypt) writeFileAtomicSync(file, await ss.encryptStringAsync(result));
    return Buffer.from(result, 'base64');
  }
  const key = randomBytes(32);
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  writeFileAtomicSync(file, await ss.encryptStringAsync(key.toString('base64')));
  return key;
}

export async function safeStorageBox(ss: SafeStorageLike, keysDir: string, platform: NodeJS.Platform = process.platform): Promise<{ box: SecretBox; warning: string | null }> {
  if (!(await ss.isAsyncEncryptionAvailable())) {
    throw new Error('The system keychain is not available, so Fairsite cannot protect your signing key. On Linux, install and unlock a keyring (GNOME Keyring or KWallet), then start Fairsite again.');
  }
  const weak = platform === 'linux' && ss.getSelectedStorageBackend?.() === 'basic_text';
  const key = await wrappingKey(ss, keysDir);
  const box: SecretBox = {
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([MAGIC, iv, c.getAuthTag(), data]);
    },
    outdated: (sealed) => !sealed.subarray(0, 4).equals(MAGIC),
    open(sealed) {
      if (!sealed.subarray(0, 4).equals(MAGIC)) {
        // Sealed by the keychain itself (versions before the wrapping key), base64 inside.
        if (!ss.decryptString) throw new AppError('storage', 'This key was sealed in an older format that cannot be opened here.');
        return Buffer.from(ss.decryptString(sealed), 'base64');
      }
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(4, 16));
      d.setAuthTag(sealed.subarray(16, 32));
      return Buffer.concat([d.update(sealed.subarray(32)), d.final()]);
    },
  };
  return {
    box,
    warning: weak ? 'No keyring was found, so keys are sealed with a fixed key (basic_text). Install GNOME Keyring or KWallet for real protection.' : null,
  };
}
