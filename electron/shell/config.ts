// Start-up settings of the shell, as plain functions: where the data folder
// is. No Electron here.
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

/**
 * The main window's icon, read from the app's own files (inside app.asar when
 * packaged). Linux shows a window without one unless it is given; Windows and
 * macOS take the executable's icon, which electron-builder makes.
 */
export function windowIcon(appPath: string, platform: NodeJS.Platform): string | undefined {
  return platform === 'linux' ? join(appPath, 'assets', 'icons', '512x512.png') : undefined;
}
