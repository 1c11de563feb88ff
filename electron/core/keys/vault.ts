// The app seals keys with the system keychain (safeStorage). On Linux with no
// keyring, safeStorage falls back to "basic_text": a fixed key, no real
// protection. The vault tells the user so (keys.protection) and lets her
// protect the signing key with a passphrase instead: the key is re-sealed by
// the passphrase box, and after a restart she unlocks it once.
import { readFileSync, existsSync } from 'node:fs';
import { passphraseAdvice, passphraseProblem } from '../../../shared/passphrase';
import { writeFileAtomicSync } from '../atomic-file';
import { passphraseBox, type SecretBox } from './secret-box';
import { keyFiles } from './signing-key';
import { coreEnglish, fieldText, refusal } from '../../../shared/core-messages';
import { msg, type Message } from '../../../shared/messages';

const PASSPHRASE_MAGIC = Buffer.from('FSB1');
const sealedByPassphrase = (sealed: Buffer): boolean => sealed.subarray(0, 4).equals(PASSPHRASE_MAGIC);

export interface KeyProtection {
  method: 'keychain' | 'basic_text' | 'passphrase';
  /** The passphrase is needed (after a restart) before anything can be signed. */
  locked: boolean;
  /** What the user should know, in plain words; null when all is well. */
  notice: string | null;
  /** The notice as a message, for the UI's language (`notice` is its English). */
  noticeText?: Message;
}

export const BASIC_TEXT_NOTICE = coreEnglish(msg('key.basicText'));

export interface KeyVault extends SecretBox {
  protection(keysDir: string): KeyProtection;
  /** Re-seals the signing key (if there is one) with a passphrase, and seals new keys with it from now on. */
  usePassphrase(keysDir: string, passphrase: string): KeyProtection;
  /** Unlocks a passphrase-sealed signing key after a restart. */
  unlock(keysDir: string, passphrase: string): KeyProtection;
}

export function keyVault(system: SecretBox, systemIsWeak: boolean): KeyVault {
  let pass: SecretBox | null = null;
  const readSealed = (keysDir: string): Buffer | null => {
    const f = keyFiles(keysDir).sealed;
    return existsSync(f) ? readFileSync(f) : null;
  };
  const vault: KeyVault = {
    seal: (plain) => (pass ?? system).seal(plain),
    open(sealed) {
      if (!sealedByPassphrase(sealed)) return system.open(sealed);
      if (!pass) throw refusal('not_ready', msg('key.enterPassphrase'));
      return pass.open(sealed);
    },
    checkNewSecret: () => undefined,
    outdated: (sealed) => !sealedByPassphrase(sealed) && (system.outdated?.(sealed) ?? false),
    protection(keysDir) {
      const sealed = readSealed(keysDir);
      if (pass || (sealed && sealedByPassphrase(sealed))) return { method: 'passphrase', locked: !pass, notice: null };
      return systemIsWeak ? { method: 'basic_text', locked: false, notice: BASIC_TEXT_NOTICE, noticeText: msg('key.basicText') } : { method: 'keychain', locked: false, notice: null };
    },
    usePassphrase(keysDir, passphrase) {
      const problem = passphraseProblem(passphrase);
      if (problem) throw refusal('invalid_input', passphraseAdvice(problem), [fieldText('passphrase', problem)]);
      const next = passphraseBox(passphrase);
      const sealed = readSealed(keysDir);
      if (sealed) {
        const plain = vault.open(sealed);
        writeFileAtomicSync(keyFiles(keysDir).sealed, next.seal(plain));
        plain.fill(0);
      }
      pass = next;
      return vault.protection(keysDir);
    },
    unlock(keysDir, passphrase) {
      const sealed = readSealed(keysDir);
      if (!sealed || !sealedByPassphrase(sealed)) throw refusal('not_ready', msg('key.notProtected'));
      const candidate = passphraseBox(passphrase);
      try {
        candidate.open(sealed).fill(0);
      } catch {
        throw refusal('rejected', msg('key.wrongPassphrase'), [fieldText('passphrase', msg('problem.wrongPassphrase'))]);
      }
      pass = candidate;
      return vault.protection(keysDir);
    },
  };
  return vault;
}
