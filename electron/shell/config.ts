// Start-up settings of the shell, as plain functions: where the data folder
// is and which better-sqlite3 binary Electron loads. No Electron here.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** `--data DIR` or `--data=DIR` on the command line, else FAIRSITE_DATA, else Electron's userData. */
export function resolveDataDir(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, userData: string, cwd = process.cwd()): { dir: string; overridden: boolean } {
  let fromArgs: string | undefined;
  let flagged = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') {
      flagged = true;
      fromArgs = argv[i + 1] ?? '';
    } else if (a?.startsWith('--data=')) {
      flagged = true;
      fromArgs = a.slice('--data='.length);
    }
  }
  if (flagged && (!fromArgs || fromArgs.trim() === '' || fromArgs.startsWith('--'))) {
    throw new Error('--data needs a folder, for example: --data ~/fairsite-data');
  }
  const chosen = fromArgs ?? env.FAIRSITE_DATA;
  if (chosen === undefined || chosen.trim() === '') return { dir: userData, overridden: false };
  return { dir: isAbsolute(chosen) ? chosen : resolve(cwd, chosen), overridden: true };
}

/** Written by electron/tools/native-for-electron.mjs. */
export const NATIVE_MANIFEST = join('.cache', 'electron-native', 'better-sqlite3.json');

export interface NativeManifest {
  binding: string;
  electron: string;
  abi: string;
}

/**
 * A packaged app carries better-sqlite3 rebuilt for Electron by
 * electron-builder, so it loads the default binary. From a checkout
 * (`npm start`), node_modules holds the Node build used by the tests, and the
 * Electron build lives beside it under .cache; its path is passed to
 * better-sqlite3 as `nativeBinding`.
 */
export function nativeBindingFor(appPath: string, isPackaged: boolean, electronVersion: string): string | undefined {
  if (isPackaged) return undefined;
  const file = join(appPath, NATIVE_MANIFEST);
  const fix = 'Run `node electron/tools/native-for-electron.mjs` (npm start does this) with internet access.';
  if (!existsSync(file)) throw new Error(`better-sqlite3 has not been prepared for Electron yet. ${fix}`);
  let m: NativeManifest;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as NativeManifest;
  } catch {
    throw new Error(`${file} is not readable. ${fix}`);
  }
  if (m.electron !== electronVersion) {
    throw new Error(`better-sqlite3 was prepared for Electron ${m.electron}, but this is Electron ${electronVersion}. ${fix}`);
  }
  const binding = isAbsolute(m.binding) ? m.binding : join(appPath, m.binding);
  if (!existsSync(binding)) throw new Error(`The prepared better-sqlite3 binary ${binding} is missing. ${fix}`);
  return binding;
}
