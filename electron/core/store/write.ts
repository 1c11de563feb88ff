// The one way to write: an IMMEDIATE transaction. A deferred transaction
// reads first and asks for the write lock later; when another connection
// (the command line, an HQ importer) committed in between, SQLite cannot
// upgrade the stale snapshot and fails at once with SQLITE_BUSY_SNAPSHOT —
// busy_timeout does not help. Taking the lock at BEGIN makes the other
// writer wait instead, and every read inside sees what it writes over.
import type { Db } from './db';

export function write<T>(owner: { db: Db }, fn: () => T): T {
  return owner.db.transaction(fn).immediate();
}
