import { AppError } from '../../../shared/errors';
import { coreEnglish } from '../../../shared/core-messages';
import type { Message } from '../../../shared/messages';

// Why a bundle was refused. The code is stable (tests and the HQ screen key
// on it); the message says what was wrong in words an HQ clerk can act on,
// in English (`message`, for the receipts and the command line) and as a
// message (`text`, file names and hashes as its parameters) for the screen.
export type RejectCode =
  | 'too_large'
  | 'not_a_bundle'
  | 'truncated'
  | 'decrypt_failed'
  | 'bad_entry_name'
  | 'duplicate_entry'
  | 'not_a_file'
  | 'overlapping_entries'
  | 'zip_bomb'
  | 'size_mismatch'
  | 'hash_mismatch'
  | 'missing_file'
  | 'unlisted_file'
  | 'bad_manifest'
  | 'unknown_version'
  | 'bad_signature'
  | 'missing_signature'
  | 'unknown_signer'
  | 'revoked_signer'
  | 'bad_content'
  | 'replay'
  | 'missing_photo'
  // The audit belongs to another enrolled key (hand it over at HQ first).
  | 'foreign_audit'
  // Records that disagree with the audit's own event chain.
  | 'records_mismatch'
  // A report PDF that is unsigned, signed by someone else, or for another audit.
  | 'bad_report';

export class BundleRejected extends AppError {
  readonly reason: RejectCode;
  constructor(reason: RejectCode, message: string, text?: Message) {
    super('rejected', message, undefined, { reason }, text);
    this.reason = reason;
  }
}

/** `text` a message; a string is English as written (a check that has no message yet). */
export const reject = (reason: RejectCode, text: Message | string): never => {
  throw typeof text === 'string' ? new BundleRejected(reason, text) : new BundleRejected(reason, coreEnglish(text), text);
};

/** A write that failed for want of space on the reader's own disk: never the bundle's fault. */
export const isNoSpace = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG';
};
