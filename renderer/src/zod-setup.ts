// Imported first by main.tsx: zod's fast path probes `new Function`, which the
// CSP (default-src 'self') refuses and reports, so it must be off before any
// schema module runs.
import { config } from 'zod';

config({ jitless: true });
