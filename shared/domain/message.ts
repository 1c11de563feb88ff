// A message as it crosses the contract: a key and its figures (shared/messages.ts).
import { z } from 'zod';
import type { Message, MessageParam } from '../messages';

export const MessageSchema: z.ZodType<Message> = z.lazy(() => z.object({
  key: z.string().max(200),
  params: z.record(z.string(), ParamSchema).optional(),
}));
const ParamSchema: z.ZodType<MessageParam> = z.lazy(() => z.union([z.string(), z.number(), MessageSchema, z.array(MessageSchema)]));

/** The languages the UI and the core's own words are said in (the renderer's list: renderer/src/i18n/languages.ts). */
export const UiLanguage = z.enum(['en', 'es', 'fr']);
export type UiLanguage = z.infer<typeof UiLanguage>;
