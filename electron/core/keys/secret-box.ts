// Sealing secrets at rest (the signing key). The Electron shell supplies a
// box backed by the OS keychain (safeStorage); the command line, tests and
// the web harness use a passphrase box.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { passphraseAdvice, passphraseProblem } from '../../../shared/passphrase';
import { refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

export interface SecretBox {
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
  /** Called before a new key is sealed; throws when the secret is too weak to protect it. */
  checkNewSecret?(): void;
  /** Sealed in a format this box still opens but no longer writes: whoever stores it should seal it again. */
  outdated?(sealed: Buffer): boolean;
}

const MAGIC = Buffer.from('FSB1');
// scrypt N=2^15, r=8: about 32 MiB and a tenth of a second, once per salt.
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** AES-256-GCM under a key derived by scrypt from a passphrase: MAGIC | salt(16) | iv(12) | tag(16) | data. */
export function passphraseBox(passphrase: string): SecretBox {
  if (!passphrase) throw refusal('storage', msg('key.needPassphrase'));
  const keys = new Map<string, Buffer>();
  const keyFor = (salt: Buffer): Buffer => {
    const hex = salt.toString('hex');
    let k = keys.get(hex);
    if (!k) {
      k = scryptSync(passphrase, salt, 32, SCRYPT);
      keys.set(hex, k);
    }
    return k;
  };
  return {
    seal(plain) {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', keyFor(salt), iv);
      const data = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([MAGIC, salt, iv, c.getAuthTag(), data]);
    },
    open(sealed) {
      if (sealed.length < 48 || !sealed.subarray(0, 4).equals(MAGIC)) {
        throw refusal('storage', msg('key.unknownFormat'));
      }
      const salt = sealed.subarray(4, 20);
      const iv = sealed.subarray(20, 32);
      const tag = sealed.subarray(32, 48);
      const d = createDecipheriv('aes-256-gcm', keyFor(salt), iv);
      d.setAuthTag(tag);
      try {
        return Buffer.concat([d.update(sealed.subarray(48)), d.final()]);
      } catch {
        throw refusal('storage', msg('key.cannotUnlock'));
      }
    },
  };
}

/** The passphrase box for the command line, tests and the web harness. */
export function envPassphraseBox(env: NodeJS.ProcessEnv = process.env): SecretBox {
  const pass = env.FAIRSITE_PASSPHRASE;
  // Made lazily so commands that never touch the key work without a passphrase.
  let box: SecretBox | null = null;
  const get = () => (box ??= passphraseBox(pass ?? ''));
  return {
    seal: (b) => get().seal(b),
    open: (b) => get().open(b),
    // Existing keys open with whatever passphrase sealed them; a new key needs a strong one.
    checkNewSecret: () => {
      const problem = pass ? passphraseProblem(pass) : null;
      if (problem) throw refusal('rejected', msg('key.tooWeakForNew', { advice: passphraseAdvice(problem) }));
    },
  };
}
