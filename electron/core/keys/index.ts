import type { Core } from '../core';
import { readSigningKey, type SigningKey } from './signing-key';

export type { SecretBox } from './secret-box';
export { passphraseBox, envPassphraseBox } from './secret-box';
export type { SigningKey } from './signing-key';
export { fingerprintOf, rawPublicKey } from './signing-key';

/** The auditor's signing key, unsealed (for report and bundle signatures). */
export function loadSigningKey(core: Core): SigningKey {
  return readSigningKey(core.paths.keys, core.secretBox);
}
