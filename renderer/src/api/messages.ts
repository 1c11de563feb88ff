// Core errors in words an auditor understands, with what to do next, in the
// UI language: the next step by the error's code, field problems by their
// key (i18n/validation.ts), a core refusal by its message (`text`, said
// like the checks' messages). A core message with neither is shown as written.
import { AppError, type ErrorCode, type FieldError } from '../../../shared/errors';
import { initI18n } from '../i18n';
import { fieldMessage } from '../i18n/validation';
import { sayMessage } from '../i18n/messages';

const CODES: readonly ErrorCode[] = ['invalid_input', 'unknown_operation', 'not_found', 'locked', 'not_ready', 'conflict', 'rejected', 'storage', 'internal'];

export interface UserMessage {
  title: string;
  next: string;
  fields: FieldError[];
}

const t = (key: string, params?: Record<string, unknown>) => initI18n().t(key, { ns: 'app', ...params });
const nextStep = (code: ErrorCode) => t(`error.next.${CODES.includes(code) ? code : 'internal'}`);

export function describeError(err: unknown): UserMessage {
  if (err instanceof AppError) {
    // A place in a file ("line 4, column 3") is said in the UI's language too.
    const fields = (err.fields ?? []).map((f) => ({ ...f, ...(f.where ? { path: sayMessage(f.where) } : {}), message: fieldMessage(f) }));
    const first = fields[0];
    const said = err.text ? sayMessage(err.text) : err.message;
    const title = err.code === 'invalid_input' && first && !err.text ? t('error.checkField', { path: first.path, message: first.message }) : said;
    return { title, next: nextStep(err.code), fields };
  }
  const msg = err instanceof Error ? err.message : String(err);
  return { title: msg || t('error.unexpected'), next: nextStep('internal'), fields: [] };
}

export function isLocked(err: unknown): boolean {
  return err instanceof AppError && err.code === 'locked';
}
