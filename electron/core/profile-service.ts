// Saving the profile: the first save also makes the auditor's signing key.
import type { Core } from './core';
import { actorOf } from './core';
import type { Profile, ProfileInput } from '../../shared/domain/profile';
import { createSigningKey, hasSigningKey, readSigningKey } from './keys/signing-key';
import { getProfile, saveProfile } from './store/repos/profile';

export function saveProfileWithKey(core: Core, input: ProfileInput): Profile {
  let key: { publicKeyPem: string; fingerprint: string } | null = null;
  if (!getProfile(core.db)) {
    // A key left by a save that failed after writing it is reused, not replaced.
    const k = hasSigningKey(core.paths.keys) ? readSigningKey(core.paths.keys, core.secretBox) : createSigningKey(core.paths.keys, core.secretBox);
    key = { publicKeyPem: k.publicKey.export({ format: 'pem', type: 'spki' }).toString(), fingerprint: k.fingerprint };
  }
  // The event of this save already names the new identity.
  const previousActor = core.actor;
  core.actor = actorOf(input);
  try {
    return saveProfile(core, input, key);
  } catch (err) {
    core.actor = previousActor;
    throw err;
  }
}
