// The auditor's Ed25519 signing key: made on the first profile save, its
// private half stored sealed in DATA/keys/, its fingerprint shown in the
// profile so headquarters can check who signed a report or bundle.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { sha256Hex } from '../sha256';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../atomic-file';
import type { SecretBox } from './secret-box';
import { openSealedFile } from './sealed-file';
import type { Core } from '../core';
import { refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The 32 raw bytes of the Ed25519 public key. */
  publicKeyRaw: Buffer;
  fingerprint: string;
}

const PRIVATE_FILE = 'signing-key.sealed';
const PUBLIC_FILE = 'signing-key.pub';

export function rawPublicKey(pub: KeyObject): Buffer {
  // SPKI DER of Ed25519 is a fixed 12-byte prefix followed by the 32-byte key.
  return pub.export({ format: 'der', type: 'spki' }).subarray(-32);
}

/** SHA-256 of the raw public key, as hex in groups of four. */
export function fingerprintOf(publicKeyRaw: Buffer): string {
  const hex = sha256Hex(publicKeyRaw);
  return hex.match(/.{4}/g)!.join(' ');
}

export function keyFiles(keysDir: string) {
  return { sealed: join(keysDir, PRIVATE_FILE), pub: join(keysDir, PUBLIC_FILE) };
}

export function hasSigningKey(keysDir: string): boolean {
  return existsSync(keyFiles(keysDir).sealed);
}

export function createSigningKey(keysDir: string, box: SecretBox): SigningKey {
  box.checkNewSecret?.();
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const files = keyFiles(keysDir);
  writeFileAtomicSync(files.sealed, box.seal(privateKey.export({ format: 'der', type: 'pkcs8' })));
  writeFileAtomicSync(files.pub, publicKey.export({ format: 'pem', type: 'spki' }).toString());
  const raw = rawPublicKey(publicKey);
  return { privateKey, publicKey, publicKeyRaw: raw, fingerprint: fingerprintOf(raw) };
}

export function readSigningKey(keysDir: string, box: SecretBox): SigningKey {
  const files = keyFiles(keysDir);
  if (!existsSync(files.sealed)) throw refusal('not_found', msg('key.noneYet'));
  const privateKey = createPrivateKey({ key: openSealedFile(files.sealed, box), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const raw = rawPublicKey(publicKey);
  return { privateKey, publicKey, publicKeyRaw: raw, fingerprint: fingerprintOf(raw) };
}

/** The auditor's signing key, unsealed (for report and bundle signatures). */
export function loadSigningKey(core: Core): SigningKey {
  return readSigningKey(core.paths.keys, core.secretBox);
}
