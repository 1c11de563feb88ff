// Keys at rest are sealed with the operating system's keychain through
// Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet). Written
// against a small interface so it is tested without Electron.
import type { SecretBox } from '../core/keys/secret-box';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export function safeStorageBox(ss: SafeStorageLike, platform: NodeJS.Platform = process.platform): { box: SecretBox; warning: string | null } {
  if (!ss.isEncryptionAvailable()) {
    throw new Error('The system keychain is not available, so Fairsite cannot protect your signing key. On Linux, install and unlock a keyring (GNOME Keyring or KWallet), then start Fairsite again.');
  }
  const weak = platform === 'linux' && ss.getSelectedStorageBackend?.() === 'basic_text';
  // safeStorage takes strings; base64 carries arbitrary bytes through it.
  const box: SecretBox = {
    seal: (plain) => ss.encryptString(plain.toString('base64')),
    open: (sealed) => Buffer.from(ss.decryptString(sealed), 'base64'),
  };
  return {
    box,
    warning: weak ? 'No keyring was found, so keys are sealed with a fixed key (basic_text). Install GNOME Keyring or KWallet for real protection.' : null,
  };
}
