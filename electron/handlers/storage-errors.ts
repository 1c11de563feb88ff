// SQLite failures a user can act on (disk full, read-only folder, another
// process holding the lock, a damaged file) become 'storage' errors with a
// plain message, on every operation; the transaction has rolled back.
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Handler, Handlers } from './dispatch';
import type { OpName } from '../../shared/contract/index';
import { refusal } from '../../shared/core-messages';
import { msg, type Message } from '../../shared/messages';

const MESSAGES: Array<[RegExp, Message]> = [
  [/^SQLITE_(BUSY|LOCKED)/, msg('storage.busy')],
  [/^SQLITE_FULL/, msg('storage.full')],
  [/^SQLITE_READONLY/, msg('storage.readOnly')],
  [/^SQLITE_(IOERR|CANTOPEN)/, msg('storage.ioError')],
  [/^SQLITE_(CORRUPT|NOTADB)/, msg('storage.corrupt')],
];

export function storageError(err: unknown): AppError | null {
  if (!(err instanceof Database.SqliteError)) return null;
  const hit = MESSAGES.find(([re]) => re.test(err.code));
  return hit ? refusal('storage', hit[1], undefined, { sqlite: err.code }) : null;
}

/** Once the background check found damage, writes are refused (query_only): say why, not "permissions". */
function damaged(ctx: unknown): AppError | null {
  const c = ctx as { integrity?: { state: string }; paths?: { database: string } } | null;
  return c?.integrity?.state === 'damaged' && c.paths ? refusal('storage', msg('storage.damaged', { file: c.paths.database })) : null;
}

const translate = (err: unknown, ctx?: unknown): never => {
  const mapped = storageError(err);
  throw (mapped?.details as { sqlite?: string } | undefined)?.sqlite === 'SQLITE_READONLY' ? damaged(ctx) ?? mapped : mapped ?? err;
};

// Synchronous handlers (most store writes) stay synchronous: an extra async
// frame per call shows on the autosave path. Promises get the same translation.
export function withStorageErrors<C>(table: Handlers<C>): Handlers<C> {
  const out = {} as Record<OpName, Handler<OpName, C>>;
  for (const [op, h] of Object.entries(table) as Array<[OpName, Handler<OpName, C>]>) {
    out[op] = (input, ctx) => {
      try {
        const result = h(input, ctx);
        return result instanceof Promise ? result.catch((err: unknown) => translate(err, ctx)) : result;
      } catch (err) {
        return translate(err, ctx);
      }
    };
  }
  return out as Handlers<C>;
}
