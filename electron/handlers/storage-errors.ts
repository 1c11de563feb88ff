// SQLite failures a user can act on (disk full, read-only folder, another
// process holding the lock, a damaged file) become 'storage' errors with a
// plain message, on every operation; the transaction has rolled back.
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Handler, Handlers } from './dispatch';
import type { OpName } from '../../shared/contract/index';

const MESSAGES: Array<[RegExp, string]> = [
  [/^SQLITE_(BUSY|LOCKED)/, 'The database is busy: another Fairsite window or command is using it. Nothing was changed; try again in a moment.'],
  [/^SQLITE_FULL/, 'The disk is full, so nothing was saved. Free some space and try again.'],
  [/^SQLITE_READONLY/, 'The data folder cannot be written to, so nothing was saved. Check its permissions or choose another data folder.'],
  [/^SQLITE_(IOERR|CANTOPEN)/, 'The disk reported an error while saving, so nothing was saved. Check the drive and try again.'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'The database file is damaged. Nothing was changed; restore it from a backup in the data folder.'],
];

export function storageError(err: unknown): AppError | null {
  if (!(err instanceof Database.SqliteError)) return null;
  const hit = MESSAGES.find(([re]) => re.test(err.code));
  return hit ? new AppError('storage', hit[1], undefined, { sqlite: err.code }) : null;
}

const translate = (err: unknown): never => {
  throw storageError(err) ?? err;
};

// Synchronous handlers (most store writes) stay synchronous: an extra async
// frame per call shows on the autosave path. Promises get the same translation.
export function withStorageErrors<C>(table: Handlers<C>): Handlers<C> {
  const out = {} as Record<OpName, Handler<OpName, C>>;
  for (const [op, h] of Object.entries(table) as Array<[OpName, Handler<OpName, C>]>) {
    out[op] = (input, ctx) => {
      try {
        const result = h(input, ctx);
        return result instanceof Promise ? result.catch(translate) : result;
      } catch (err) {
        return translate(err);
      }
    };
  }
  return out as Handlers<C>;
}
