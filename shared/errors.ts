// Errors that cross the contract. Every transport carries them as plain
// data ({ code, message, fields }) so the UI can say what to do next. A core
// refusal also carries its sentence as a message (`text`: key and params,
// shared/messages.ts): `message` is its English for logs and the command
// line, the UI says `text` in its own language.
import type { Message } from './messages';

export type ErrorCode =
  | 'invalid_input' // the input failed its schema; `fields` names each problem
  | 'unknown_operation'
  | 'not_found'
  | 'locked' // the audit is finalized and read-only
  | 'not_ready' // e.g. finalizing with blocking items left
  | 'conflict'
  | 'rejected' // a file or bundle that failed validation
  | 'storage' // the database or data folder cannot be used
  | 'internal';

export interface FieldError {
  path: string;
  message: string;
  /** A built-in check's key and parameters (shared/zod-messages.ts), for the UI to translate. */
  key?: string;
  params?: Record<string, number>;
  /** A core check's own sentence (key and parameters, shared/locales/en/core.ts), for the UI to translate. */
  text?: Message;
  /** Where the problem is when `path` is not a field but a place in a file ("line 4, column 3"), said in the UI's language. */
  where?: Message;
}

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  details?: unknown;
  text?: Message;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  readonly details: unknown;
  readonly text: Message | undefined;
  constructor(code: ErrorCode, message: string, fields?: FieldError[], details?: unknown, text?: Message) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.details = details;
    this.text = text;
  }
  toData(): AppErrorData {
    const d: AppErrorData = { code: this.code, message: this.message };
    if (this.fields) d.fields = this.fields;
    if (this.details !== undefined) d.details = this.details;
    if (this.text) d.text = this.text;
    return d;
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** `sections[2].items[5].kind` style paths, as users and tests read them. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}
