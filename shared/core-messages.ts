// The core's own sentences (refusals, progress, template problems) as
// messages: `coreEnglish` writes them for logs and the command line, the UI
// says the same message in its language (renderer/src/i18n/messages.ts,
// namespaces `core` and `checks`). A refusal is an AppError whose `text` is
// the message and whose `message` is its English.
import EN_CHECKS from './locales/en/checks';
import EN_CORE from './locales/en/core';
import type { z } from 'zod';
import { AppError, type ErrorCode, type FieldError } from './errors';
import { issueKey } from './schema-messages';
import { issueMessage, plainMessage } from './zod-messages';
import { msg, renderWith, type Message, type MessageParam } from './messages';

/** Every English sentence the core can say, by key (checks and core: a refusal may name a check's warning). */
export const ENGLISH_CORE: Readonly<Record<string, string>> = { ...EN_CHECKS, ...EN_CORE };

export const coreEnglish = (m: Message): string => renderWith(ENGLISH_CORE, m);

/** An AppError that says `text`: in English as its message, by key for the UI. */
export function refusal(code: ErrorCode, text: Message, fields?: FieldError[], details?: unknown): AppError {
  return new AppError(code, coreEnglish(text), fields, details, text);
}

/** A field problem said by key: English as its message, the message for the UI. */
export const fieldText = (path: string, text: Message): FieldError => ({ path, message: coreEnglish(text), text });

/** Messages said one after the other (`join` the key that puts two together), as one message. */
export function joined(parts: readonly Message[], join: 'core.sentences' | 'core.list' | 'core.or' = 'core.sentences'): MessageParam {
  if (!parts.length) return '';
  return parts.slice(1).reduce<MessageParam>((a, b) => msg(join, { a, b }), parts[0]!);
}

/** Where a template check's own message travels on a zod issue (templateIssue below). */
interface TextIssue { params?: { text?: Message } }

/** A custom zod issue said by a core message: `ctx.addIssue({ code: 'custom', path, ...templateIssue(m) })`. */
export const templateIssue = (text: Message): { message: string; params: { text: Message } } => ({ message: coreEnglish(text), params: { text } });

/**
 * A zod issue as a field problem the UI can say: a core message it carries,
 * else a schema's own key or a built-in check's (as the contract's dispatch
 * does), else its English as written.
 */
export function issueField(issue: z.core.$ZodIssue, path: string): FieldError {
  const text = (issue as TextIssue).params?.text;
  if (text) return { path, message: issue.message, text };
  const f: FieldError = { path, message: issue.message };
  const m = issueMessage(issue as never);
  const k = issueKey(issue) ?? (m && issue.message === plainMessage(issue as never) ? m : undefined);
  if (k) {
    f.key = k.key;
    if (k.params) f.params = k.params;
  }
  return f;
}

/** zod's error option for a template check's own message (as `says` in schema-messages.ts, with string parameters). */
export function templateSays(text: Message): { error: (iss: z.core.$ZodRawIssue) => string } {
  return {
    error: (iss) => {
      (iss as TextIssue).params = { ...(iss as TextIssue).params, text };
      return coreEnglish(text);
    },
  };
}
