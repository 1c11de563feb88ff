import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobRegistry } from '../../../electron/core/jobs';
import { dataPaths, defaultDataDir, resolveDataDir } from '../../../electron/core/paths';
import { AppError } from '../../../shared/errors';

describe('jobs', () => {
  it('reports progress and the result of a job', async () => {
    const jobs = new JobRegistry();
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const id = jobs.start('report', async (progress) => {
      progress(0.5, 'half way');
      await gate;
      return { file: 'report.pdf' };
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(jobs.get(id)).toMatchObject({ kind: 'report', state: 'running', progress: 0.5, message: 'half way' });
    release();
    expect(await jobs.wait(id)).toMatchObject({ state: 'done', progress: 1, result: { file: 'report.pdf' } });
  });

  it('keeps the error of a failed job as data', async () => {
    const jobs = new JobRegistry();
    const a = jobs.start('bundle', () => { throw new AppError('rejected', 'bad bundle'); });
    const b = jobs.start('bundle', async () => { throw new Error('boom'); });
    expect(await jobs.wait(a)).toMatchObject({ state: 'failed', error: { code: 'rejected', message: 'bad bundle' } });
    expect(await jobs.wait(b)).toMatchObject({ state: 'failed', error: { code: 'internal', message: 'boom' } });
    expect(() => jobs.get('01900000-0000-7000-8000-000000000000')).toThrow(/No such job/);
  });
});

describe('data folder', () => {
  it('takes --data first, then FAIRSITE_DATA, then the fallback', () => {
    expect(resolveDataDir(['node', 'x', '--data', 'a/b'], { FAIRSITE_DATA: '/env' }, '/fb')).toBe(resolve('a/b'));
    expect(resolveDataDir(['--data=/c'], {}, '/fb')).toBe('/c');
    expect(resolveDataDir([], { FAIRSITE_DATA: '/env' }, '/fb')).toBe('/env');
    expect(resolveDataDir([], {}, '/fb')).toBe('/fb');
  });

  it('defaults to where Electron keeps userData for "Fairsite"', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' })).toBe(join('/cfg', 'Fairsite'));
    expect(defaultDataDir('win32', { APPDATA: 'C:/Users/m/AppData/Roaming' })).toBe(join('C:/Users/m/AppData/Roaming', 'Fairsite'));
    expect(dataPaths('/d')).toMatchObject({ database: '/d/fairsite.db', backups: '/d/backups', keys: '/d/keys' });
  });
});
