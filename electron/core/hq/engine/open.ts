// Opening HQ on the engine its database names: the SQLite file in the HQ
// folder (default), or a PostgreSQL URL. Either way the folder holds the
// photos, the signed PDFs, held bundles, staging and HQ's sealed key: with
// several importing machines it is a volume they share.
import { mkdirSync } from 'node:fs';
import type { SecretBox } from '../../keys/secret-box';
import { hqPaths, openHq, type HqFolder } from '../context';
import { cleanStaging } from '../import-files';
import { isPgUrl } from './pg-sql';
import { openPgStore, type PgStore } from './pg-store';

export interface OpenHqOptions {
  /** A postgres:// URL; absent: the SQLite file hq.db in the folder. */
  db?: string;
  /** Make the schema in an empty PostgreSQL database (hq init). */
  create?: boolean;
}

export async function openHqFolder(dir: string, box: SecretBox, opts: OpenHqOptions = {}): Promise<HqFolder> {
  if (!opts.db || !isPgUrl(opts.db)) return openHq(dir, box);
  const paths = hqPaths(dir);
  mkdirSync(paths.dir, { recursive: true });
  const store = await openPgStore(opts.db, { create: opts.create });
  const hq: HqFolder = { paths, box, store, close: () => { void store.close().catch(() => {}); } };
  cleanStaging(hq);
  return hq;
}

/** The server connection of an HQ on PostgreSQL; null on SQLite. */
export const pgStoreOf = (hq: HqFolder): PgStore | null => (hq.store.engine === 'postgres' ? (hq.store as PgStore) : null);
