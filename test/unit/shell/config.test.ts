import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolveDataDir, windowIcon } from '../../../electron/shell/config';

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

describe('windowIcon', () => {
  it('names an icon the app carries on Linux, and none where the executable has one', () => {
    expect(existsSync(windowIcon(process.cwd(), 'linux')!)).toBe(true);
    expect(windowIcon('/app', 'win32')).toBeUndefined();
    expect(windowIcon('/app', 'darwin')).toBeUndefined();
  });
});
