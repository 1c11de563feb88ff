// A sealed secret in a file (the signing key, the report signing identity,
// HQ's decryption key). Opening it also brings it up to date: a file sealed in
// a format the box still reads but no longer writes (the keychain's own, by
// versions before the wrapping key) is sealed again in the current one, so the
// deprecated way of opening it is needed once per file, not on every start.
import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../atomic-file';
import type { SecretBox } from './secret-box';

export function openSealedFile(file: string, box: SecretBox): Buffer {
  const sealed = readFileSync(file);
  const plain = box.open(sealed);
  if (box.outdated?.(sealed)) writeFileAtomicSync(file, box.seal(plain));
  return plain;
}
