// electron-builder run for real (Linux `dir` target) on a stand-in Electron
// distribution, since Electron's binary cannot be downloaded here: checks
// that the package carries the one N-API better-sqlite3 binary it loads,
// outside the asar archive, and that this binary opens a database.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../../..');
const require = createRequire(join(repo, 'package.json'));
let work: string;
let resources: string;
let asarFiles: string[];
/** Files whose bytes sit inside app.asar (unpacked ones are only listed there). */
let packedFiles: string[];

beforeAll(async () => {
  mkdirSync(join(repo, '.cache'), { recursive: true });
  work = mkdtempSync(join(repo, '.cache', 'package-native-'));
  // The package is made from a copy of the project whose dist/ holds a fresh
  // shell build: electron-builder checks that the entry file is in the archive,
  // and a clean checkout has no dist/ until `npm run build`.
  const project = join(work, 'project');
  mkdirSync(project);
  for (const f of ['package.json', 'electron-builder.yml']) copyFileSync(join(repo, f), join(project, f));
  for (const d of ['assets', 'node_modules']) symlinkSync(join(repo, d), join(project, d));
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
  resources = join(work, 'out', 'linux-unpacked', 'resources');
  const asar = require('@electron/asar') as {
    listPackage(file: string, o: object): string[];
    statFile(file: string, path: string): { unpacked?: boolean; files?: object };
  };
  const archive = join(resources, 'app.asar');
  asarFiles = asar.listPackage(archive, {});
  packedFiles = asarFiles.filter((f) => {
    const st = asar.statFile(archive, f.slice(1));
    return !st.files && !st.unpacked;
  });
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('packaged app', () => {
  it('carries one better-sqlite3 binary, for its platform, outside the asar archive', () => {
    const prebuilds = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds');
    expect(readdirSync(prebuilds)).toEqual([`linux-${process.arch}.node`]);
    expect(asarFiles.filter((f) => f.includes('better-sqlite3') && f.endsWith('.node'))).toEqual([`/node_modules/better-sqlite3/prebuilds/linux-${process.arch}.node`]);
    expect(packedFiles.filter((f) => f.endsWith('.node'))).toEqual([]);
  });

  it('carries neither the SQLite sources nor a build folder', () => {
    const pkg = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
    for (const d of ['deps', 'src', 'build', 'binding.gyp']) expect(existsSync(join(pkg, d)), d).toBe(false);
    expect(asarFiles.some((f) => /better-sqlite3\/(deps|src|build)\//.test(f))).toBe(false);
  });

  it('loads that binary with N-API and opens a database', () => {
    const pkg = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
    const out = execFileSync(process.execPath, ['-e', `
      const Database = require(${JSON.stringify(pkg)});
      const db = new Database(':memory:');
      console.log(db.prepare('select sqlite_version() as v').get().v);
    `], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^3\.\d+\.\d+$/);
  });
});
