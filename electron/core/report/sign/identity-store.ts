// The report-signing identity on disk: DATA/keys/report-identity.sealed,
// sealed by the core's SecretBox (safeStorage in the app, a scrypt
// passphrase in the command line and tests). The private key is never
// written in plain text; the certificate is also kept as a .pem for display.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../../atomic-file';
import type { Core } from '../../core';
import { getProfile } from '../../store/repos/profile';
import { loadSigningKey } from '../../keys/signing-key';
import { openSealedFile } from '../../keys/sealed-file';
import { describe, generateIdentity, identityFromP12, type CertificateInfo, type SigningIdentity } from './certificate';
import { endorse } from './endorsement';
import { refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';

const SEALED = 'report-identity.sealed';
const CERT = 'report-certificate.pem';

function files(core: Core) {
  return { sealed: join(core.paths.keys, SEALED), cert: join(core.paths.keys, CERT) };
}

function store(core: Core, identity: SigningIdentity): void {
  mkdirSync(core.paths.keys, { recursive: true, mode: 0o700 });
  const f = files(core);
  writeFileAtomicSync(f.sealed, core.secretBox.seal(Buffer.from(JSON.stringify(identity), 'utf8')));
  writeFileAtomicSync(f.cert, identity.chainPem.join(''));
}

function read(core: Core): SigningIdentity | null {
  const f = files(core);
  if (!existsSync(f.sealed)) return null;
  const plain = openSealedFile(f.sealed, core.secretBox);
  const parsed = JSON.parse(plain.toString('utf8')) as SigningIdentity;
  if (typeof parsed.keyPem !== 'string' || !Array.isArray(parsed.chainPem) || !parsed.chainPem.length) {
    throw refusal('storage', msg('cert.identityDamaged'));
  }
  return parsed;
}

/**
 * The identity to sign with; the first call makes a self-signed one from the
 * profile. A new identity, or one not yet vouched for, needs the auditor's
 * signing key unlocked (passphrase or keychain): without it no certificate
 * can claim the auditor's name, even when the sealed identity was deleted.
 */
export function signingIdentity(core: Core): SigningIdentity {
  const existing = read(core);
  const profile = getProfile(core.db);
  // A certificate Fairsite made follows the profile: a changed name or organisation gets a new one.
  if (existing && (existing.source === 'imported' || !profile || namesProfile(existing, profile))) {
    if (existing.endorsement) return existing;
    return endorsed(core, existing);
  }
  if (!profile) throw refusal('not_ready', msg('profile.firstForReport'));
  // Unlock the key first: a wrong passphrase stops here, before anything is made.
  const key = loadSigningKey(core);
  const made = generateIdentity({ name: profile.name, organisation: profile.organisation, email: profile.email });
  const identity = { ...made, endorsement: endorse(made.chainPem[0]!, key) };
  store(core, identity);
  return identity;
}

function endorsed(core: Core, identity: SigningIdentity): SigningIdentity {
  const next = { ...identity, endorsement: endorse(identity.chainPem[0]!, loadSigningKey(core)) };
  store(core, next);
  return next;
}

/** Replaces the identity with an organisation-issued .p12 after checking it; the auditor's key vouches for it. */
export function importIdentity(core: Core, p12: Buffer, password: string): CertificateInfo {
  const identity = identityFromP12(p12, password);
  store(core, { ...identity, endorsement: endorse(identity.chainPem[0]!, loadSigningKey(core)) });
  return describe(identity);
}

/** What the settings page shows; null before the first signed report or import. */
export function identityInfo(core: Core): CertificateInfo | null {
  const f = files(core);
  if (!existsSync(f.cert)) return null;
  const chain = readFileSync(f.cert, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\s*/g) ?? [];
  if (!chain.length) return null;
  // Only the public certificate is read here: no passphrase is needed to show it.
  const source = chain.length > 1 || !isSelfSigned(chain[0] as string) ? 'imported' : 'generated';
  return describe({ keyPem: '', chainPem: chain, source });
}

function isSelfSigned(pem: string): boolean {
  return describe({ keyPem: '', chainPem: [pem], source: 'generated' }).selfSigned;
}

function namesProfile(identity: SigningIdentity, p: { name: string; organisation: string }): boolean {
  const subject = describe(identity).subject;
  return subject.includes(`CN=${p.name}`) && subject.includes(`O=${p.organisation}`);
}
