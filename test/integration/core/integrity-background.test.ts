// A large database is opened with a bounded check and checked in full in
// the background (electron/core/store/integrity.ts). Damage the bounded
// check cannot see (in the middle of a big table) is found by the
// background check: app.integrity reports it with what to do, and from
// then on every write is refused with that message, leaving the file as it
// was. A sound file reports ok; a truncated one is refused on open.
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core';
import { openDatabase } from '../../../electron/core/store/db';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import { AppError } from '../../../shared/errors';
import { tempDir, PASSPHRASE } from './helpers/core-fixture';

let cores: Core[] = [];
afterEach(() => { for (const c of cores) c.close(); cores = []; });

/** A data folder whose database has a big table filling the back half of the file. */
async function bigFolder(): Promise<{ dir: string; file: string; pageSize: number }> {
  const dir = join(tempDir('fairsite-integrity-'), 'data');
  const c = await openCore({ dataDir: dir, secretBox: passphraseBox(PASSPHRASE), assetsDir: join(dir, 'no-assets') });
  c.db.exec('CREATE TABLE filler (x TEXT) STRICT');
  const ins = c.db.prepare('INSERT INTO filler VALUES (?)');
  c.db.transaction(() => { for (let i = 0; i < 4000; i++) ins.run(`row ${i} `.repeat(20)); }).immediate();
  const pageSize = c.db.pragma('page_size', { simple: true }) as number;
  c.close();
  return { dir, file: join(dir, 'fairsite.db'), pageSize };
}

const open = async (dir: string) => {
  const core = await openCore({ dataDir: dir, secretBox: passphraseBox(PASSPHRASE), assetsDir: join(dir, 'no-assets'), fullCheckMaxBytes: 0, integrityCheckDelayMs: 0 });
  cores.push(core);
  return { core, dispatch: createDispatch(handlers, core) };
};

describe('integrity check in the background', () => {
  it('finds damage the bounded check on open cannot see, reports it, and refuses every write after', async () => {
    const { dir, file, pageSize } = await bigFolder();
    const bytes = readFileSync(file);
    const start = pageSize * Math.floor((bytes.length / pageSize) * 0.75);
    for (let i = 0; i < pageSize * 4; i++) bytes[start + i] = (i * 31 + 7) & 0xff;
    writeFileSync(file, bytes);

    const { core, dispatch } = await open(dir); // bounded check: header, schema, small tables
    expect(core.integrity.onOpen).toBe('bounded');
    const done = await core.integrityCheck;
    expect(done.state).toBe('damaged');
    expect(done.problems.length).toBeGreaterThan(0);

    const report = await dispatch('app.integrity', {});
    expect(report).toMatchObject({ ok: true, value: { state: 'damaged', onOpen: 'bounded' } });
    expect(report.ok && (report.value as { message: string }).message).toMatch(/damaged; nothing more will be saved.*restore from a backup/);

    const write = await dispatch('sites.create', { name: 'After the damage', country: 'PH', currency: 'PHP', legal: { minWage: 1 } });
    expect(write.ok).toBe(false);
    expect(!write.ok && write.error).toMatchObject({ code: 'storage', message: expect.stringMatching(/is damaged; nothing more will be saved/) });
    core.close();
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('reports a sound file as ok once the background check is over', async () => {
    const { dir } = await bigFolder();
    const { core, dispatch } = await open(dir);
    expect(core.integrity.state).toBe('checking');
    expect((await core.integrityCheck).state).toBe('ok');
    expect(await dispatch('app.integrity', {})).toMatchObject({ ok: true, value: { state: 'ok', problems: [], message: null } });
    expect(await dispatch('sites.create', { name: 'Still writable', country: 'PH', currency: 'PHP', legal: { minWage: 1 } })).toMatchObject({ ok: true });
  });

  it('refuses on open a file shorter than its header says, and leaves it untouched', async () => {
    const { dir, file, pageSize } = await bigFolder();
    truncateSync(file, readFileSync(file).length - pageSize * 8);
    const bytes = readFileSync(file);
    const err = await open(dir).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/shorter than its header says.*left untouched/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('checks in full before a schema update, whatever the size: a damaged file is neither backed up nor migrated', async () => {
    const dir = tempDir('fairsite-integrity-');
    const file = join(dir, 'fairsite.db');
    const backupDir = join(dir, 'backups');
    const db = await openDatabase({ file, backupDir, targetVersion: 5 });
    db.exec('CREATE TABLE filler (x TEXT) STRICT');
    const ins = db.prepare('INSERT INTO filler VALUES (?)');
    db.transaction(() => { for (let i = 0; i < 4000; i++) ins.run(`row ${i} `.repeat(20)); }).immediate();
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const bytes = readFileSync(file);
    const start = pageSize * Math.floor((bytes.length / pageSize) * 0.75);
    for (let i = 0; i < pageSize * 4; i++) bytes[start + i] = (i * 31 + 7) & 0xff;
    writeFileSync(file, bytes);
    const err = await openDatabase({ file, backupDir, fullCheckMaxBytes: 0 }).then(() => null, (e: unknown) => e);
    expect((err as AppError).message).toMatch(/cannot be used: .*(damaged|malformed)/);
    expect(existsSync(backupDir)).toBe(false);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
