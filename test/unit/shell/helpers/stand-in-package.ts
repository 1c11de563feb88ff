// electron-builder run for real (Linux `dir` target) on a stand-in Electron
// distribution, since Electron's binary cannot be downloaded here. Used by
// the packaging test, and run directly to measure the package:
//   npx tsx test/unit/shell/helpers/stand-in-package.ts
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(fileURLToPath(new URL('../../../../', import.meta.url)));
const require = createRequire(join(repo, 'package.json'));

export interface StandInPackage {
  work: string;
  resources: string;
  /** Every entry of app.asar (folders too). */
  asarFiles: string[];
  /** Files whose bytes sit inside app.asar (unpacked ones are only listed there). */
  packedFiles: string[];
  asarBytes: number;
  cleanup(): void;
}

/**
 * Vite and Vitest write their caches into node_modules (.vite, .vite-temp)
 * while the suite runs. npm then stops trusting its record of the install
 * (node_modules/.package-lock.json is older than the folder) and lists the
 * dependencies without the fields electron-builder's collector reads: the
 * package silently lost every dependency of a dependency (fontkit,
 * libheif-js). The tree is what `npm ci` installed, so its record is marked
 * current again, as it was right after the install.
 */
function trustInstalledTree(): void {
  const record = join(repo, 'node_modules', '.package-lock.json');
  const now = new Date();
  if (existsSync(record)) utimesSync(record, now, now);
}

export async function packageWithStandIn(): Promise<StandInPackage> {
  mkdirSync(join(repo, '.cache'), { recursive: true });
  const work = mkdtempSync(join(repo, '.cache', 'package-native-'));
  // The package is made from a copy of the project whose dist/ holds a fresh
  // shell build: electron-builder checks that the entry file is in the archive,
  // and a clean checkout has no dist/ until `npm run build`.
  const project = join(work, 'project');
  mkdirSync(project);
  for (const f of ['package.json', 'electron-builder.yml']) copyFileSync(join(repo, f), join(project, f));
  for (const d of ['assets', 'node_modules']) symlinkSync(join(repo, d), join(project, d));
  trustInstalledTree();
  const { buildShell } = (await import(pathToFileURL(join(repo, 'electron/tools/build-shell.mjs')).href)) as { buildShell(o: { outDir: string }): Promise<unknown> };
  await buildShell({ outDir: join(project, 'dist', 'electron') });
  const electronDist = join(work, 'electron-dist');
  mkdirSync(join(electronDist, 'resources'), { recursive: true });
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in for Electron"\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  const { build, Platform } = require('electron-builder') as typeof import('electron-builder');
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir'),
    config: {
      // Fuses are flipped inside Electron's real binary; the stand-in has none.
      electronFuses: null,
      electronDist,
      electronVersion: (require('electron/package.json') as { version: string }).version,
      directories: { output: join(work, 'out'), buildResources: 'assets/build' },
    },
  });
  const resources = join(work, 'out', 'linux-unpacked', 'resources');
  const asar = require('@electron/asar') as {
    listPackage(file: string, o: object): string[];
    statFile(file: string, path: string): { unpacked?: boolean; files?: object };
  };
  const archive = join(resources, 'app.asar');
  const asarFiles = asar.listPackage(archive, {});
  const packedFiles = asarFiles.filter((f) => {
    const st = asar.statFile(archive, f.slice(1));
    return !st.files && !st.unpacked;
  });
  return { work, resources, asarFiles, packedFiles, asarBytes: statSync(archive).size, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

/** The top-level packages inside app.asar, with how many files each brings. */
export function packagesIn(files: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of files) {
    const m = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f);
    if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  return counts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const p = await packageWithStandIn();
  try {
    console.log(`app.asar: ${(p.asarBytes / 1e6).toFixed(1)} MB, ${p.packedFiles.length} files inside (${p.asarFiles.length} entries listed)`);
    const top = [...packagesIn(p.packedFiles)].sort((a, b) => b[1] - a[1]).slice(0, 15);
    for (const [name, n] of top) console.log(`  ${String(n).padStart(5)}  ${name}`);
  } finally {
    p.cleanup();
  }
}
