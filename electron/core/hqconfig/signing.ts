// HQ's configuration key (Ed25519) and the package's signature. The key is
// HQ's own, separate from the age key laptops encrypt to, made on the first
// publish and kept sealed by HQ's SecretBox in HQ's keys folder. The
// signature covers the canonical JSON of the package's body, so spacing or
// key order changed on the way does not matter and any other change does.
//
// Rotation: HQ makes a new key and keeps the one before it; packages it
// publishes then carry, beside the new key's signature, the previous key's
// signature over the body and the new public key. A laptop that trusted the
// previous key takes the new one on that endorsement alone (import.ts).
import { createPublicKey, sign, verify } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../../shared/canonical-json';
import type { HqConfigBody, HqConfigPackage } from '../../../shared/domain/hq-config';
import { HQ_CONFIG_FORMAT, HQ_CONFIG_FORMAT_VERSION } from '../../../shared/domain/hq-config';
import { createSigningKey, fingerprintOf, hasSigningKey, readSigningKey, type SigningKey } from '../keys/signing-key';
import type { Hq } from '../hq/context';

/** HQ's configuration key folder, beside its age identity. */
const keysDir = (hq: Pick<Hq, 'paths'>): string => join(hq.paths.keys, 'config-signing');
/** The key before the last rotation: it endorses the current one. */
const previousDir = (hq: Pick<Hq, 'paths'>): string => join(hq.paths.keys, 'config-signing-previous');

export function hqConfigKey(hq: Pick<Hq, 'paths' | 'box'>): SigningKey {
  const dir = keysDir(hq);
  return hasSigningKey(dir) ? readSigningKey(dir, hq.box) : createSigningKey(dir, hq.box);
}

/** Whether HQ has made its configuration key (its first publish makes it). */
export const hasHqConfigKey = (hq: Pick<Hq, 'paths'>): boolean => hasSigningKey(keysDir(hq));

/** The configuration key before the last rotation, if HQ rotated it. */
export function previousHqConfigKey(hq: Pick<Hq, 'paths' | 'box'>): SigningKey | null {
  const dir = previousDir(hq);
  return hasSigningKey(dir) ? readSigningKey(dir, hq.box) : null;
}

/**
 * A new configuration key; the current one becomes the previous (the one
 * before it is dropped: a laptop two rotations behind is re-trusted by hand).
 */
export function rotateHqConfigKey(hq: Pick<Hq, 'paths' | 'box'>): { fingerprint: string; previousFingerprint: string } {
  const old = hqConfigKey(hq);
  hq.box.checkNewSecret?.();
  rmSync(previousDir(hq), { recursive: true, force: true });
  renameSync(keysDir(hq), previousDir(hq));
  const next = createSigningKey(keysDir(hq), hq.box);
  return { fingerprint: next.fingerprint, previousFingerprint: old.fingerprint };
}

/** What the previous key signs: the body and the new key together, so its endorsement fits no other key. */
const endorsed = (body: HqConfigBody, publicKey: string): Buffer => Buffer.from(canonicalJson({ body, publicKey }), 'utf8');

export function signPackage(body: HqConfigBody, key: SigningKey, previous: SigningKey | null = null): HqConfigPackage {
  const value = sign(null, Buffer.from(canonicalJson(body), 'utf8'), key.privateKey);
  const publicKey = key.publicKeyRaw.toString('base64');
  return {
    format: HQ_CONFIG_FORMAT, formatVersion: HQ_CONFIG_FORMAT_VERSION, body,
    signature: { algorithm: 'Ed25519', publicKey, value: value.toString('base64') },
    ...(previous ? { previous: { publicKey: previous.publicKeyRaw.toString('base64'), value: sign(null, endorsed(body, publicKey), previous.privateKey).toString('base64') } } : {}),
  };
}

/** SPKI DER of an Ed25519 key: a fixed 12-byte prefix, then the 32 raw bytes. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function verified(publicKey: string, data: Buffer, signature: string): string | null {
  const raw = Buffer.from(publicKey, 'base64');
  if (raw.length !== 32) return null;
  const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  return verify(null, data, key, Buffer.from(signature, 'base64')) ? fingerprintOf(raw) : null;
}

/** The signer's fingerprint when the signature over the body holds; null when it does not. */
export function verifyPackage(p: HqConfigPackage): string | null {
  return verified(p.signature.publicKey, Buffer.from(canonicalJson(p.body), 'utf8'), p.signature.value);
}

/** The previous key's fingerprint when the package carries its endorsement of this body and signer, and it holds; else null. */
export function endorsingKey(p: HqConfigPackage): string | null {
  if (!p.previous) return null;
  return verified(p.previous.publicKey, endorsed(p.body, p.signature.publicKey), p.previous.value);
}

/** Fingerprints compared as HQ shows them or as typed: hex digits only, any case. */
export const sameFingerprint = (a: string, b: string): boolean => a.replace(/[^0-9a-f]/gi, '').toLowerCase() === b.replace(/[^0-9a-f]/gi, '').toLowerCase();
