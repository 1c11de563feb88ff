// The core's own sentences (refusals, progress, template problems) as
// messages: `coreEnglish` writes them for logs and the command line, the UI
// says the same message in its language (renderer/src/i18n/messages.ts,
// namespaces `core` and `checks`). A refusal is an AppError whose `text` is
// the message and whose `message` is its English.
import EN_CHECKS from './locales/en/checks';
import EN_CORE from './locales/en/core';
import { AppError, type ErrorCode, type FieldError } from './errors';
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
export function joined(parts: readonly Message[], join: 'core.sentences' | 'core.list' = 'core.sentences'): MessageParam {
  if (!parts.length) return '';
  return parts.slice(1).reduce<MessageParam>((a, b) => msg(join, { a, b }), parts[0]!);
}
