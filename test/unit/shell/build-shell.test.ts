// The shell bundles as esbuild makes them for `npm start` and `npm run dist`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_NAMES } from '../../../shared/contract/index';

const repo = resolve(__dirname, '../../..');
let out: string;
let result: { opNames: string[]; mainBytes: number; preloadBytes: number };

beforeAll(async () => {
  mkdirSync(join(repo, '.cache'), { recursive: true });
  out = mkdtempSync(join(repo, '.cache', 'build-shell-test-'));
  const mod = (await import(pathToFileURL(join(repo, 'electron/tools/build-shell.mjs')).href)) as {
    buildShell(o: { outDir: string }): Promise<typeof result>;
    EXTERNALS: string[];
  };
  result = await mod.buildShell({ outDir: out });
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('build-shell', () => {
  it('makes a tiny preload that exposes only call() over the one channel', () => {
    const preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
    expect(result.preloadBytes).toBeLessThan(3 * 1024);
    expect(preload).toContain('exposeInMainWorld("fairsite"');
    expect(preload).toContain('"fairsite:call"');
    expect(preload.match(/ipcRenderer\.\w+/g)).toEqual(['ipcRenderer.invoke']);
    expect(preload).not.toMatch(/zod|require\("(?!electron")/);
  });

  it("inlines exactly the contract's operation names", () => {
    expect(result.opNames).toEqual([...OP_NAMES].sort());
    const preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
    for (const op of OP_NAMES) expect(preload).toContain(`"${op}"`);
  });

  it('bundles main as CommonJS that loads only Node built-ins and the external packages', () => {
    const main = readFileSync(join(out, 'main.cjs'), 'utf8');
    const required = new Set([...main.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const externals = [...required].filter((r) => !builtins.has(r));
    expect(externals.sort()).toEqual(expect.arrayContaining(['better-sqlite3', 'electron']));
    // pg-native: pg's optional binding, required only inside pg's own try/catch when
    // NODE_PG_FORCE_NATIVE is set (or pg.native is read); never installed nor shipped.
    for (const e of externals) expect(['electron', 'better-sqlite3', 'sharp', 'pdfkit', 'fontkit', 'pg-native']).toContain(e.replace(/^(@img\/).*/, '$1'));
    expect(main.match(/require\("pg-native"\)/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(main).not.toMatch(/import\.meta/);
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).toContain('requestSingleInstanceLock');
  });
});
