// Core errors in words an auditor understands, with what to do next.
import { AppError, type ErrorCode, type FieldError } from '../../../shared/errors';

const NEXT_STEP: Record<ErrorCode, string> = {
  invalid_input: 'Check the highlighted fields and try again.',
  unknown_operation: 'This version of the app is inconsistent. Restart the app; if it persists, reinstall it.',
  not_found: 'It may have been removed. Go back to the audits list and open it again.',
  locked: 'This audit is finalized and read-only. Reopen it as a new revision to make changes.',
  not_ready: 'Resolve the items listed on the summary, then try again.',
  conflict: 'Someone or something changed this meanwhile. Reload the screen and try again.',
  rejected: 'The file could not be used. Check that it is the right file and not damaged.',
  storage: 'Your data could not be read or written. Check free disk space, then try again. Nothing you typed on screen is lost.',
  internal: 'Something went wrong inside the app. Try again; if it keeps happening, restart the app.',
};

export interface UserMessage {
  title: string;
  next: string;
  fields: FieldError[];
}

export function describeError(err: unknown): UserMessage {
  if (err instanceof AppError) {
    return { title: err.message, next: NEXT_STEP[err.code] ?? NEXT_STEP.internal, fields: err.fields ?? [] };
  }
  const msg = err instanceof Error ? err.message : String(err);
  return { title: msg || 'Unexpected error', next: NEXT_STEP.internal, fields: [] };
}

export function isLocked(err: unknown): boolean {
  return err instanceof AppError && err.code === 'locked';
}
