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
  /** Always a message: a detail in plain English could not be said in the HQ clerk's language. */
  declare readonly text: Message;
  constructor(reason: RejectCode, text: Message) {
    super('rejected', coreEnglish(text), undefined, { reason }, text);
    this.reason = reason;
  }
}

/** Refuses the bundle for `reason`, saying what was wrong by a message (its English is the error's message). */
export const reject = (reason: RejectCode, text: Message): never => {
  throw new BundleRejected(reason, text);
};

/** A write that failed for want of space on the reader's own disk: never the bundle's fault. */
export const isNoSpace = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG';
};
