import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NATIVE_MANIFEST, nativeBindingFor, resolveDataDir } from '../../../electron/shell/config';

describe('resolveDataDir', () => {
  const userData = '/home/a/.config/Fairsite';
  it('defaults to userData', () => {
    expect(resolveDataDir(['/usr/bin/electron', '.'], {}, userData)).toEqual({ dir: userData, overridden: false });
  });
  it('takes --data DIR and --data=DIR, before FAIRSITE_DATA', () => {
    expect(resolveDataDir(['electron', '.', '--data', '/d1'], { FAIRSITE_DATA: '/env' }, userData)).toEqual({ dir: '/d1', overridden: true });
    expect(resolveDataDir(['fairsite', '--data=/d2'], {}, userData)).toEqual({ dir: '/d2', overridden: true });
    expect(resolveDataDir(['fairsite'], { FAIRSITE_DATA: '/env' }, userData)).toEqual({ dir: '/env', overridden: true });
  });
  it('resolves a relative folder against the working directory', () => {
    expect(resolveDataDir(['x', '--data', 'audits'], {}, userData, '/work')).toEqual({ dir: '/work/audits', overridden: true });
  });
  it('refuses --data without a folder', () => {
    expect(() => resolveDataDir(['x', '--data'], {}, userData)).toThrow(/--data needs a folder/);
    expect(() => resolveDataDir(['x', '--data', '--inspect'], {}, userData)).toThrow(/--data needs a folder/);
    expect(() => resolveDataDir(['x', '--data='], {}, userData)).toThrow(/--data needs a folder/);
  });
  it('ignores an empty FAIRSITE_DATA', () => {
    expect(resolveDataDir(['x'], { FAIRSITE_DATA: ' ' }, userData)).toEqual({ dir: userData, overridden: false });
  });
});

describe('nativeBindingFor', () => {
  const app = mkdtempSync(join(tmpdir(), 'fairsite-native-'));
  afterAll(() => rmSync(app, { recursive: true, force: true }));
  const manifest = (m: object) => {
    mkdirSync(join(app, '.cache', 'electron-native'), { recursive: true });
    writeFileSync(join(app, NATIVE_MANIFEST), JSON.stringify(m));
  };

  it('uses the default binary in a packaged app', () => {
    expect(nativeBindingFor('/nowhere', true, '45.5.0')).toBeUndefined();
  });
  it('tells the user what to run when nothing was prepared', () => {
    expect(() => nativeBindingFor(app, false, '45.5.0')).toThrow(/native-for-electron\.mjs/);
  });
  it('returns the prepared binary for this Electron version', () => {
    const rel = '.cache/electron-native/better-sqlite3/build/Release/better_sqlite3.node';
    mkdirSync(join(app, '.cache/electron-native/better-sqlite3/build/Release'), { recursive: true });
    writeFileSync(join(app, rel), 'binary');
    manifest({ binding: rel, electron: '45.5.0', abi: '140' });
    expect(nativeBindingFor(app, false, '45.5.0')).toBe(join(app, rel));
  });
  it('refuses a binary prepared for another Electron, or a missing one', () => {
    manifest({ binding: 'x.node', electron: '44.0.0', abi: '139' });
    expect(() => nativeBindingFor(app, false, '45.5.0')).toThrow(/prepared for Electron 44\.0\.0/);
    manifest({ binding: 'missing.node', electron: '45.5.0', abi: '140' });
    expect(() => nativeBindingFor(app, false, '45.5.0')).toThrow(/missing/);
    writeFileSync(join(app, NATIVE_MANIFEST), '{not json');
    expect(() => nativeBindingFor(app, false, '45.5.0')).toThrow(/not readable/);
  });
});
