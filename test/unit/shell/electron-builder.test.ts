// electron-builder.yml, checked by electron-builder's own loader and schema.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../../..');
const require = createRequire(join(repo, 'package.json'));

interface BuilderConfig {
  appId: string; productName: string; files: Array<string | { filter: string[] }>; asarUnpack: string[]; npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[] }; win: { target: string[] }; mac: { target: string[]; extendInfo: Record<string, string> };
}

async function load(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, file: string): Promise<BuilderConfig>;
    validateConfiguration(c: BuilderConfig, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(repo, 'electron-builder.yml');
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder validation and targets the three platforms', async () => {
    const c = await load();
    expect(c.productName).toBe('Fairsite');
    expect(c.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.win.target).toEqual(['nsis']);
    expect(c.mac.target).toEqual(['dmg']);
    expect(c.mac.extendInfo.NSCameraUsageDescription).toBeTruthy();
  });

  it('ships the bundles and assets, with native modules unpacked and nothing rebuilt', async () => {
    const c = await load();
    const files = c.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['dist/**', 'assets/**', 'package.json']));
    expect(c.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/prebuilds/*.node', 'node_modules/sharp/**', 'node_modules/@img/**']));
    expect(c.npmRebuild).toBe(false);
  });

  it('flips the fuses that turn the packaged app back into a Node runtime', async () => {
    const c = await load();
    expect(c.electronFuses).toMatchObject({
      runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true, grantFileProtocolExtraPrivileges: false, enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('matches package.json: main bundle, start and dist scripts', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
      main: string; productName: string; scripts: Record<string, string>; allowScripts: Record<string, boolean>; engines: { node: string };
    };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    // Electron names the userData folder after productName (~/.config/Fairsite), in a checkout as when packaged.
    expect(pkg.productName).toBe('Fairsite');
    // Nothing native is prepared, built or downloaded on the way to Electron.
    expect(pkg.scripts.start).toBe('npm run build && electron .');
    expect(pkg.scripts['build:shell']).toContain('build-shell.mjs');
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder --config electron-builder.yml');
    // better-sqlite3 13 loads its prebuilt N-API binary; npm would otherwise run
    // node-gyp because the package carries a binding.gyp (a no-op, but a compiler step).
    expect(pkg.allowScripts['better-sqlite3']).toBe(false);
    expect(pkg.engines.node).toBe('>=22.12');
  });
});
