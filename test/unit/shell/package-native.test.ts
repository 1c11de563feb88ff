// electron-builder run for real (Linux `dir` target) on a stand-in Electron
// distribution, since Electron's binary cannot be downloaded here: checks
// that the package carries the one N-API better-sqlite3 binary it loads,
// outside the asar archive, and that this binary opens a database.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const repo = resolve(__dirname, '../../..');
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagesIn, packageWithStandIn, type StandInPackage } from './helpers/stand-in-package';
import { windowIcon } from '../../../electron/shell/config';

let pkg: StandInPackage;
let resources: string;
let asarFiles: string[];
/** Files whose bytes sit inside app.asar (unpacked ones are only listed there). */
let packedFiles: string[];

beforeAll(async () => {
  pkg = await packageWithStandIn();
  ({ resources, asarFiles, packedFiles } = pkg);
}, 180_000);
afterAll(() => pkg?.cleanup());

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

  it('carries no package the renderer bundle already holds', () => {
    // Vite bundles these into dist/renderer; the main process never loads them.
    const rendererOnly = ['react', 'react-dom', 'react-hook-form', '@hookform/resolvers', 'i18next', 'react-i18next', 'qrcode'];
    const inside = packagesIn(asarFiles);
    expect(rendererOnly.filter((p) => inside.has(p))).toEqual([]);
    // What the main process loads from node_modules at run time is still there.
    for (const p of ['better-sqlite3', 'sharp', 'pdfkit', 'heic-decode']) expect(inside.has(p), p).toBe(true);
  });

  it('carries the window icon inside the archive, where main looks for it', () => {
    expect(packedFiles).toContain(windowIcon('/', 'linux'));
  });

  it('ships the third-party licences beside the app, and the LGPL parts replaceable outside the archive', () => {
    expect(existsSync(join(resources, 'THIRD-PARTY-LICENCES.txt'))).toBe(true);
    expect(existsSync(join(resources, 'app.asar.unpacked', 'node_modules', 'libheif-js', 'package.json'))).toBe(true);
    expect(packedFiles.filter((f) => f.startsWith('/node_modules/libheif-js/'))).toEqual([]);
    expect(asarFiles.filter((f) => f.startsWith('/assets/licences/'))).toEqual([]);
  });

  it('what the main process loads from node_modules loads from the package alone', () => {
    // The archive unpacked beside its .unpacked files, as Electron sees them together.
    const asar = createRequire(join(repo, 'package.json'))('@electron/asar') as { extractAll(archive: string, dest: string): void };
    // Outside the checkout, so nothing resolves from its node_modules by walking up.
    const app = join(mkdtempSync(join(tmpdir(), 'fairsite-asar-')), 'app');
    asar.extractAll(join(resources, 'app.asar'), app);
    cpSync(join(resources, 'app.asar.unpacked'), app, { recursive: true });
    const out = execFileSync(process.execPath, ['-e', `
      const { createRequire } = require('node:module');
      const r = createRequire(${JSON.stringify(join(app, 'package.json'))});
      const PDFDocument = r('pdfkit');
      const doc = new PDFDocument();
      doc.font('Helvetica').text('ok');
      r('sharp');
      r(r.resolve('heic-decode'));
      console.log(typeof PDFDocument, typeof r('better-sqlite3'));
    `], { encoding: 'utf8', cwd: app });
    rmSync(dirname(app), { recursive: true, force: true });
    expect(out.trim()).toBe('function function');
  });
});
