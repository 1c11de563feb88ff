// Imported first by root.tsx: zod's fast path probes `new Function`, which the
// CSP (default-src 'self') refuses and reports, so it must be off before any
// schema module runs. Every form's messages are the plain ones of
// shared/zod-messages.ts, by key, in the UI language (i18n/validation.ts).
import { config } from 'zod';
import { translatedIssue } from './i18n/validation';

config({ jitless: true, customError: translatedIssue });
