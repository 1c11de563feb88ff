// HQ's age identity decrypts bundles. It is made once, stored only sealed by
// the SecretBox; the recipient (public half) is what laptops are given.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../atomic-file';
import { AppError } from '../../../shared/errors';
import { newAgeIdentity, recipientOf } from '../bundle/age';
import type { HqFolder } from './context';
import { openSealedFile } from '../keys/sealed-file';

const SEALED = 'hq-age-identity.sealed';
const RECIPIENT = 'hq-recipient.txt';

/** Makes HQ's key if there is none; returns the recipient to give laptops. */
export async function initHqKey(hq: HqFolder): Promise<{ recipient: string; created: boolean }> {
  const sealed = join(hq.paths.keys, SEALED);
  if (existsSync(sealed)) return { recipient: await recipientOf(loadHqIdentity(hq)), created: false };
  mkdirSync(hq.paths.keys, { recursive: true, mode: 0o700 });
  const { identity, recipient } = await newAgeIdentity();
  writeFileAtomicSync(sealed, hq.box.seal(Buffer.from(identity, 'utf8')));
  writeFileAtomicSync(join(hq.paths.keys, RECIPIENT), `${recipient}\n`);
  return { recipient, created: true };
}

export function hasHqKey(hq: HqFolder): boolean {
  return existsSync(join(hq.paths.keys, SEALED));
}

export function loadHqIdentity(hq: HqFolder): string {
  const sealed = join(hq.paths.keys, SEALED);
  if (!existsSync(sealed)) throw new AppError('not_found', 'This headquarters has no decryption key yet; run "fairsite hq init".');
  return openSealedFile(sealed, hq.box).toString('utf8');
}

/** Identities to try when a bundle is encrypted; none when HQ has no key. */
export function hqIdentities(hq: HqFolder): string[] {
  return hasHqKey(hq) ? [loadHqIdentity(hq)] : [];
}
