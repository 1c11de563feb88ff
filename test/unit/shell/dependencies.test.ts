// The packaged app's runtime dependencies are what its main process loads
// from node_modules: the packages esbuild leaves external (native code, data
// files beside the module) and those resolved at run time. Everything else
// is bundled into dist/ by esbuild or Vite and would only weigh down app.asar.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Resolved by path at run time, not imported (heic-worker.ts hands it to a worker thread). */
const RESOLVED_AT_RUN_TIME = ['heic-decode'];
/** For HQ exports and HQ on PostgreSQL; runtime until their code decides how it loads them. */
const PENDING = ['exceljs', 'pg'];

describe('runtime dependencies', () => {
  it('are only what the main process loads from node_modules', async () => {
    const { EXTERNALS } = (await import(pathToFileURL(join(repo, 'electron/tools/build-shell.mjs')).href)) as { EXTERNALS: string[] };
    const loaded = new Set([...EXTERNALS.filter((e) => !e.includes('*') && e !== 'electron'), ...RESOLVED_AT_RUN_TIME, ...PENDING]);
    expect(Object.keys(pkg.dependencies).filter((d) => !loaded.has(d))).toEqual([]);
    // fontkit comes with pdfkit; the others must be declared.
    expect([...loaded].filter((d) => d !== 'fontkit' && !pkg.dependencies[d])).toEqual([]);
  });

  it('the renderer\'s packages are build-time only', () => {
    for (const p of ['react', 'react-dom', 'react-hook-form', '@hookform/resolvers', 'i18next', 'react-i18next', 'qrcode']) {
      expect(pkg.dependencies[p], p).toBeUndefined();
      expect(pkg.devDependencies[p], p).toBeDefined();
    }
  });
});
