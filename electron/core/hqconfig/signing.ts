// HQ's configuration key (Ed25519) and the package's signature. The key is
// HQ's own, separate from the age key laptops encrypt to, made on the first
// publish and kept sealed by HQ's SecretBox in HQ's keys folder. The
// signature covers the canonical JSON of the package's body, so spacing or
// key order changed on the way does not matter and any other change does.
import { createPublicKey, sign, verify } from 'node:crypto';
import { join } from 'node:path';
import { canonicalJson } from '../../../shared/canonical-json';
import type { HqConfigBody, HqConfigPackage } from '../../../shared/domain/hq-config';
import { HQ_CONFIG_FORMAT, HQ_CONFIG_FORMAT_VERSION } from '../../../shared/domain/hq-config';
import { createSigningKey, fingerprintOf, hasSigningKey, readSigningKey, type SigningKey } from '../keys/signing-key';
import type { Hq } from '../hq/context';

/** HQ's configuration key folder, beside its age identity. */
const keysDir = (hq: Hq): string => join(hq.paths.keys, 'config-signing');

export function hqConfigKey(hq: Hq): SigningKey {
  const dir = keysDir(hq);
  return hasSigningKey(dir) ? readSigningKey(dir, hq.box) : createSigningKey(dir, hq.box);
}

export function signPackage(body: HqConfigBody, key: SigningKey): HqConfigPackage {
  const value = sign(null, Buffer.from(canonicalJson(body), 'utf8'), key.privateKey);
  return {
    format: HQ_CONFIG_FORMAT, formatVersion: HQ_CONFIG_FORMAT_VERSION, body,
    signature: { algorithm: 'Ed25519', publicKey: key.publicKeyRaw.toString('base64'), value: value.toString('base64') },
  };
}

/** SPKI DER of an Ed25519 key: a fixed 12-byte prefix, then the 32 raw bytes. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The signer's fingerprint when the signature over the body holds; null when it does not. */
export function verifyPackage(p: HqConfigPackage): string | null {
  const raw = Buffer.from(p.signature.publicKey, 'base64');
  if (raw.length !== 32) return null;
  const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  const ok = verify(null, Buffer.from(canonicalJson(p.body), 'utf8'), key, Buffer.from(p.signature.value, 'base64'));
  return ok ? fingerprintOf(raw) : null;
}

/** Fingerprints compared as HQ shows them or as typed: hex digits only, any case. */
export const sameFingerprint = (a: string, b: string): boolean => a.replace(/[^0-9a-f]/gi, '').toLowerCase() === b.replace(/[^0-9a-f]/gi, '').toLowerCase();
