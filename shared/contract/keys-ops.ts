// How the auditor's signing key is protected at rest, and the passphrase
// offered when the system keychain gives no real protection (Linux without a
// keyring: safeStorage's "basic_text").
import { z } from 'zod';
import { op } from './define';
import { says } from '../schema-messages';
import { MessageSchema } from '../domain/message';

export const KeyProtection = z.object({
  method: z.enum(['keychain', 'basic_text', 'passphrase']),
  locked: z.boolean(),
  notice: z.string().nullable(),
  /** The notice as a message, said in the UI language (`notice` is its English). */
  noticeText: MessageSchema.optional(),
});
export type KeyProtection = z.infer<typeof KeyProtection>;

const passphrase = z.strictObject({ passphrase: z.string().min(1, says('required')).max(1000) });

export const keysOps = {
  'keys.protection': op({ summary: 'How the signing key is protected at rest, with a notice when the protection is weak', input: z.strictObject({}), output: KeyProtection }),
  'keys.usePassphrase': op({ summary: 'Protect the signing key with a passphrase instead of the system keychain (refused if weak)', input: passphrase, output: KeyProtection }),
  'keys.unlock': op({ summary: 'Unlock a passphrase-protected signing key after a restart', input: passphrase, output: KeyProtection }),
};
