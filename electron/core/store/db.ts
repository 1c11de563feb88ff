// Opening the one database file: check it before touching it, refuse what
// this app cannot read, back it up, then migrate in one transaction. A large
// file gets a bounded check here and the full one in the background
// (integrity.ts), so opening stays fast however many years it holds.
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { uuidv7 } from '../../../shared/ids';
import { migrations as allMigrations, type Migration } from './migrations/index';
import { boundedProblems, fileSize, FULL_CHECK_ON_OPEN_MAX_BYTES } from './integrity';
import { optimize } from './optimize';
import { write } from './write';

export type Db = Database.Database;

export interface OpenDbOptions {
  file: string;
  /** Where a copy of an existing database goes before it is migrated. */
  backupDir: string;
  migrations?: Migration[];
  /** Stop at this schema version (tests of single steps). */
  targetVersion?: number;
  /** Files above this size get the bounded check on open (default FULL_CHECK_ON_OPEN_MAX_BYTES). */
  fullCheckMaxBytes?: number;
}

export interface OpenedDb {
  db: Db;
  /** True when only the bounded check ran: the full one is still due (checkInBackground). */
  fullCheckDue: boolean;
}

export const latestVersion = (list: Migration[] = allMigrations): number =>
  list.reduce((max, m) => Math.max(max, m.version), 0);

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk when it returns, so an acknowledged answer survives a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function storageError(file: string, why: string): AppError {
  return new AppError('storage', `The Fairsite database at ${file} cannot be used: ${why} The file was left untouched; restore it from a backup or choose another data folder.`);
}

/** Reads only: a damaged file must never be written to, let alone replaced. */
function checkReadable(db: Db, file: string, full: boolean): void {
  let problems: string[];
  try {
    problems = full
      ? (db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check).filter((s) => s !== 'ok')
      : boundedProblems(db, file);
  } catch (err) {
    throw storageError(file, `${(err as Error).message}.`);
  }
  if (problems.length) throw storageError(file, `it is damaged (${problems.slice(0, 3).join('; ')}).`);
}

export async function openDatabase(opts: OpenDbOptions): Promise<Db> {
  return (await openDatabaseChecked(opts)).db;
}

export async function openDatabaseChecked(opts: OpenDbOptions): Promise<OpenedDb> {
  const list = [...(opts.migrations ?? allMigrations)].sort((a, b) => a.version - b.version);
  const target = opts.targetVersion ?? latestVersion(list);
  let db: Db;
  try {
    db = new Database(opts.file);
  } catch (err) {
    throw storageError(opts.file, `${(err as Error).message}.`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    let full = fileSize(opts.file) <= (opts.fullCheckMaxBytes ?? FULL_CHECK_ON_OPEN_MAX_BYTES);
    checkReadable(db, opts.file, full);
    const current = db.pragma('user_version', { simple: true }) as number;
    // A schema update writes throughout the file: never before the whole of it was checked.
    if (!full && current < target && current <= latestVersion(list)) {
      checkReadable(db, opts.file, true);
      full = true;
    }
    if (current > latestVersion(list)) {
      throw new AppError('storage', `The database at ${opts.file} was written by a newer version of Fairsite (schema ${current}; this version knows up to ${latestVersion(list)}). Update Fairsite to open it; the file was left untouched.`);
    }
    applyPragmas(db);
    registerFunctions(db);
    if (current > 0 && current < target) await backup(db, opts.backupDir, current);
    try {
      migrate(db, list, target);
    } catch (err) {
      throw new AppError('storage', `Updating the database at ${opts.file} to schema ${target} failed (${(err as Error).message}). It was left as it was; a copy is in ${opts.backupDir}.`);
    }
    // Only a file checked in full is written to before the background check (integrity.ts) says it is sound.
    if (full) optimize(db, true);
    return { db, fullCheckDue: !full };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** SQL functions the repositories use (per connection). */
export function registerFunctions(db: Db): void {
  db.function('uuid7', { deterministic: false }, () => uuidv7());
}

async function backup(db: Db, dir: string, version: number): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `fairsite-schema${version}-${stamp}.db`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    await db.backup(file);
    // A copy of the database is as private as the database.
    if (process.platform !== 'win32') chmodSync(file, 0o600);
  } catch (err) {
    throw new AppError('storage', `The database could not be backed up to ${dir} before updating it (${(err as Error).message}), so it was not updated. Free some disk space or check the folder's permissions.`);
  }
  return file;
}

/** All pending steps up to `target` in one transaction: a failure leaves the old schema as it was. */
export function migrate(db: Db, list: Migration[] = allMigrations, target = latestVersion(list)): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = list.filter((m) => m.version > current && m.version <= target).sort((a, b) => a.version - b.version);
  if (!pending.length) return current;
  // Dropping a table others reference would act on their rows; SQLite only
  // lets foreign keys be switched off outside a transaction.
  const rebuilds = pending.some((m) => m.rebuildsTables);
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  if (rebuilds) db.pragma('foreign_keys = OFF');
  try {
    write({ db }, () => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      const broken = rebuilds ? (db.pragma('foreign_key_check') as Array<{ table: string; parent: string }>) : [];
      if (broken.length) throw new Error(`${broken.length} rows would point at missing rows (first: ${broken[0]!.table} → ${broken[0]!.parent})`);
    });
  } finally {
    if (rebuilds) db.pragma(`foreign_keys = ${foreignKeys}`);
  }
  return db.pragma('user_version', { simple: true }) as number;
}
