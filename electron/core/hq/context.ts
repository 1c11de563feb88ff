// Headquarters' data folder: hq.db, the photo and report stores, held
// bundles waiting for their base, a staging area, and the sealed age key.
// With PostgreSQL (engine/open.ts) the folder holds the same files but no
// hq.db: the rows are on the server.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase, type Db } from '../store/db';
import type { SecretBox } from '../keys/secret-box';
import { hqMigrations } from './migrations';
import { cleanStaging } from './import-files';
import { sqliteStore } from './engine/sqlite-store';
import type { HqStore } from './engine/types';
import type { Message } from '../../../shared/messages';

export interface HqPaths {
  dir: string;
  database: string;
  backups: string;
  photos: string;
  reports: string;
  held: string;
  staging: string;
  keys: string;
}

/** What import, enrolment and status need, on either engine. */
export interface HqFolder {
  paths: HqPaths;
  box: SecretBox;
  store: HqStore;
  close(): void;
}

/** How current the screens' copy of a PostgreSQL HQ is. */
export interface ReplicaStatus {
  engine: 'postgres';
  /** The server, without its password. */
  where: string;
  /** When the snapshot the screens show was taken; null before the first copy. */
  asOf: string | null;
  /** Why the last refresh failed (what to do next); null when it worked. */
  error: string | null;
  /** The same reason as a message, for the screen to say in its language. */
  errorText: Message | null;
  refreshing: boolean;
  /** Which copy the screens read (the server's database and its last change applied): another value, new data to show; null before the first copy. */
  version: string | null;
}

export interface HqReplica {
  /** Brings the replica up to the server; never throws (a failure is kept in the status). */
  refresh(): Promise<unknown>;
  status(): ReplicaStatus;
}

/**
 * HQ as the app's screens read it: `db` is the SQLite file itself, or on
 * PostgreSQL the local replica (engine/replica.ts, replaced when copied
 * whole: read `hq.db` at each use) with `replica` saying how current it is.
 */
export interface Hq extends HqFolder {
  db: Db;
  replica?: HqReplica;
}

export function hqPaths(dir: string): HqPaths {
  const d = resolve(dir);
  return {
    dir: d, database: join(d, 'hq.db'), backups: join(d, 'backups'), photos: join(d, 'photos'), reports: join(d, 'reports'),
    held: join(d, 'held'), staging: join(d, 'staging'), keys: join(d, 'keys'),
  };
}

export async function openHq(dir: string, box: SecretBox): Promise<Hq> {
  const paths = hqPaths(dir);
  mkdirSync(paths.dir, { recursive: true });
  const db = await openDatabase({ file: paths.database, backupDir: paths.backups, migrations: hqMigrations });
  const hq: Hq = { db, paths, box, store: sqliteStore(db, paths.database), close: () => { if (db.open) db.close(); } };
  cleanStaging(hq);
  return hq;
}
