// Brings a PostgreSQL database to HQ's schema: every pending step in one
// transaction, under an advisory lock so importers starting together on
// several machines migrate it once. A database newer than this app is
// refused, never written.
import type pg from 'pg';
import { inTx, MIGRATE_LOCK, redactUrl } from './pg-sql';
import { pgMigrations, type PgMigration } from './pg-migrations';
import { refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';

export const latestPgVersion = (list: PgMigration[] = pgMigrations): number => list.reduce((n, m) => Math.max(n, m.version), 0);

export async function pgSchemaVersion(c: pg.Pool | pg.PoolClient): Promise<number> {
  const exists = (await c.query("SELECT to_regclass('hq_schema') AS t")).rows[0] as { t: string | null };
  if (!exists.t) return 0;
  return Number(((await c.query('SELECT coalesce(max(version), 0) AS v FROM hq_schema')).rows[0] as { v: number }).v);
}

export async function migratePg(pool: pg.Pool, url: string, target = latestPgVersion(), list: PgMigration[] = pgMigrations): Promise<number> {
  return inTx(pool, async (c) => {
    await c.query('CREATE TABLE IF NOT EXISTS hq_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const current = await pgSchemaVersion(c);
    if (current > latestPgVersion(list)) {
      throw refusal('conflict', msg('pg.newerSchema', { address: redactUrl(url), current, known: latestPgVersion(list) }));
    }
    for (const m of list.filter((x) => x.version > current && x.version <= target).sort((a, b) => a.version - b.version)) {
      await m.up(c);
      await c.query('INSERT INTO hq_schema (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    }
    return pgSchemaVersion(c);
  }, { lock: MIGRATE_LOCK });
}
