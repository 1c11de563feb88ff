// Imported first by main.tsx: zod's fast path probes `new Function`, which the
// CSP (default-src 'self') refuses and reports, so it must be off before any
// schema module runs. Every form's messages are the plain ones of
// shared/zod-messages.ts, not zod's developer text.
import { config } from 'zod';
import { plainMessage } from '../../shared/zod-messages';

config({ jitless: true, customError: plainMessage });
