// Opening the database: pragmas, refusing what cannot be read, backups
// before migrating, and all-or-nothing migration.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion, openDatabase } from '../../../electron/core/store/db';
import { migrations } from '../../../electron/core/store/migrations/index';
import type { Migration } from '../../../electron/core/store/migrations/types';
import { AppError } from '../../../shared/errors';

let dir: string;
let file: string;
let backups: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fairsite-db-'));
  file = join(dir, 'fairsite.db');
  backups = join(dir, 'backups');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (extra: Partial<Parameters<typeof openDatabase>[0]> = {}) => openDatabase({ file, backupDir: backups, ...extra });

async function expectStorageError(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('storage');
  expect((err as AppError).message).toMatch(pattern);
}

describe('openDatabase', () => {
  it('creates a new database at the latest schema with the durable pragmas', async () => {
    const db = await open();
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
    expect(existsSync(backups)).toBe(false); // nothing to back up for a new file
  });

  it('refuses a database written by a newer version, and leaves it untouched', async () => {
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestVersion() + 7}`);
    raw.close();
    const bytes = readFileSync(file);
    await expectStorageError(open(), /newer version of Fairsite.*Update Fairsite/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a file that is not a database, and leaves it untouched', async () => {
    writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200));
    const bytes = readFileSync(file);
    await expectStorageError(open(), /cannot be used: .*left untouched/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['fairsite.db']);
  });

  it('refuses a damaged database, and leaves it untouched', async () => {
    const db = await open();
    db.exec('CREATE TABLE filler (x TEXT) STRICT');
    const ins = db.prepare('INSERT INTO filler VALUES (?)');
    db.transaction(() => { for (let i = 0; i < 3000; i++) ins.run(`row ${i} `.repeat(20)); })();
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    // Scribble over b-tree pages in the middle of the file.
    const bytes = readFileSync(file);
    const start = pageSize * Math.floor(bytes.length / pageSize / 2);
    for (let i = 0; i < pageSize * 4; i++) bytes[start + i] = (i * 31 + 7) & 0xff;
    writeFileSync(file, bytes);
    await expectStorageError(open(), /cannot be used: .*(damaged|malformed)/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('backs up an existing database before migrating it', async () => {
    const older = migrations.filter((m) => m.version <= 1);
    const db1 = await open({ migrations: older });
    db1.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'before')").run();
    db1.close();
    const extra: Migration = { version: 1000, name: 'test-step', up: (db) => db.exec('CREATE TABLE test_step (x INTEGER) STRICT') };
    const db2 = await open({ migrations: [...older, extra] });
    expect(db2.pragma('user_version', { simple: true })).toBe(1000);
    db2.close();
    const files = readdirSync(backups);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^fairsite-schema1-.*\.db$/);
    const copy = new Database(join(backups, files[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: 'before' });
    copy.close();
  });

  it('applies all pending steps in one transaction: a failing step leaves the old schema', async () => {
    const older = migrations.filter((m) => m.version <= 1);
    (await open({ migrations: older })).close();
    const good: Migration = { version: 1000, name: 'good', up: (db) => db.exec('CREATE TABLE good_step (x INTEGER) STRICT') };
    const bad: Migration = { version: 1001, name: 'bad', up: (db) => db.exec('CREATE TABLE broken (') };
    await expectStorageError(open({ migrations: [...older, good, bad] }), /to schema 1001 failed .*left as it was/);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'good_step'").get()).toBeUndefined();
    raw.close();
  });

  it('does not migrate when the backup cannot be made', async () => {
    const older = migrations.filter((m) => m.version <= 1);
    (await open({ migrations: older })).close();
    writeFileSync(backups, 'a file where the backup folder should be');
    const extra: Migration = { version: 1000, name: 'test-step', up: (db) => db.exec('CREATE TABLE test_step (x INTEGER) STRICT') };
    await expectStorageError(open({ migrations: [...older, extra] }), /could not be backed up .*not updated/);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    raw.close();
  });
});
