// Detached Ed25519 signatures over the exact bytes of manifest.json. A
// domain prefix keeps a manifest signature from being valid for anything else
// the same key might sign.
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { sha256Hex } from '../sha256';

const DOMAIN = Buffer.from('fairsite-bundle-manifest-v1\n', 'utf8');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('An Ed25519 public key is 32 bytes.');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** Plain hex, as the manifest carries it; compare with spaces removed from the grouped form people read. */
export function fingerprintOf(raw: Buffer): string {
  return sha256Hex(raw);
}

export function signManifest(manifestBytes: Buffer, privateKey: KeyObject): Buffer {
  return sign(null, Buffer.concat([DOMAIN, manifestBytes]), privateKey);
}

export function verifyManifest(manifestBytes: Buffer, signature: Buffer, publicKeyRaw: Buffer): boolean {
  if (signature.length !== 64 || publicKeyRaw.length !== 32) return false;
  try {
    return verify(null, Buffer.concat([DOMAIN, manifestBytes]), publicKeyFromRaw(publicKeyRaw), signature);
  } catch {
    return false;
  }
}

export const normalizeFingerprint = (f: string): string => f.replace(/[\s:]/g, '').toLowerCase();
