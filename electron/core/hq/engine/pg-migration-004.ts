// PG 4: the change log the app's local read replica follows (replica.ts).
// Every write on the server (a bundle applied or held, an auditor enrolled
// or revoked) adds one row in its own transaction, under the apply lock
// every writer holds: the sequence numbers are therefore handed out in
// commit order, and a reader whose snapshot sees change N sees every change
// before it. The row names what the write touched (the audits whose rows it
// wrote, the bundle, the photo and report hashes), so a replica re-copies
// only those. `replica.instance` names this database: a replica built from
// another one (a server restored or recreated, its sequence started again)
// is copied whole.
import type pg from 'pg';
import { inlined, numbered } from './pg-sql';

export async function pgChangeLog(c: pg.PoolClient): Promise<void> {
  await c.query(`
    CREATE TABLE hq_change (
      seq BIGSERIAL PRIMARY KEY,
      at TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('applied', 'held', 'auditor')),
      bundle_id TEXT,
      audit_ids TEXT[] NOT NULL DEFAULT '{}',
      shas TEXT[] NOT NULL DEFAULT '{}'
    );
    INSERT INTO settings (key, value) VALUES ('replica.instance', gen_random_uuid()::text) ON CONFLICT (key) DO NOTHING;
  `);
}

export interface Change {
  /** 'handover' since PG 6 (pg-migration-006.ts). */
  kind: 'applied' | 'held' | 'auditor' | 'handover';
  bundleId?: string | null;
  auditIds?: string[];
  shas?: string[];
}

const CHANGE_SQL = 'INSERT INTO hq_change (at, kind, bundle_id, audit_ids, shas) VALUES (?, ?, ?, ?, ?)';
const changeParams = (ch: Change): unknown[] => [new Date().toISOString(), ch.kind, ch.bundleId ?? null, ch.auditIds ?? [], ch.shas ?? []];

/** Inside the writer's transaction, which holds the apply lock. */
export async function logChange(c: pg.PoolClient, ch: Change): Promise<void> {
  await c.query(numbered(CHANGE_SQL), changeParams(ch));
}

/** The same row as a statement with its values written in, sent with the writer's COMMIT (still under the lock: in commit order). */
export const changeStatement = (ch: Change): string => inlined(CHANGE_SQL, changeParams(ch));
