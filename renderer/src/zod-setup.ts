// Imported first by root.tsx: zod's fast path probes `new Function`, which the
// CSP (default-src 'self') refuses and reports, so it must be off before any
// schema module runs. Every form's messages are the plain ones of
// shared/zod-messages.ts and shared/schema-messages.ts, by key, in the UI
// language (i18n/validation.ts).
import { config } from 'zod';
import { setSchemaTranslator } from '../../shared/schema-messages';
import { schemaMessage, translatedIssue } from './i18n/validation';

config({ jitless: true, customError: translatedIssue });
// A schema's own messages (a country from the list) by key too.
setSchemaTranslator(schemaMessage);
