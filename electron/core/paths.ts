// Where Fairsite keeps its data. By default the same folder Electron uses
// as userData for an app named "Fairsite", so the app and the command line
// share one database; `--data DIR` or FAIRSITE_DATA override it.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface DataPaths {
  dataDir: string;
  database: string;
  backups: string;
  keys: string;
  photos: string;
  reports: string;
  bundles: string;
}

export function dataPaths(dataDir: string): DataPaths {
  const d = resolve(dataDir);
  return {
    dataDir: d,
    database: join(d, 'fairsite.db'),
    backups: join(d, 'backups'),
    keys: join(d, 'keys'),
    photos: join(d, 'photos'),
    reports: join(d, 'reports'),
    bundles: join(d, 'bundles'),
  };
}

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Fairsite');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Fairsite');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Fairsite');
}

/** `--data DIR` (or `--data=DIR`) first, then FAIRSITE_DATA, then the fallback (Electron's userData, or the default). */
export function resolveDataDir(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env, fallback?: string): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data' && argv[i + 1]) return resolve(argv[i + 1]!);
    if (a.startsWith('--data=') && a.length > 7) return resolve(a.slice(7));
  }
  if (env.FAIRSITE_DATA) return resolve(env.FAIRSITE_DATA);
  return fallback ?? defaultDataDir();
}
