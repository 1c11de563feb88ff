// Command-line options of `npm run dev:web`, kept apart from serve.ts so
// they are tested without starting a server.
import { resolve } from 'node:path';

export const DEV_PASSPHRASE = 'fairsite-dev-only';

export interface ServeArgs {
  dataDir: string;
  port: number;
}

export function parseServeArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): ServeArgs {
  let data = env.FAIRSITE_DATA || '.fairsite-dev';
  let port = 5178;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag !== '--data' && flag !== '--port') throw new Error(`Unknown option ${a}. Use --data DIR and --port N.`);
    const value = inline ?? argv[++i];
    if (!value || value.startsWith('--')) throw new Error(`${flag} needs a value.`);
    if (flag === '--data') data = value;
    else {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${value}".`);
      port = n;
    }
  }
  return { dataDir: resolve(cwd, data), port };
}
