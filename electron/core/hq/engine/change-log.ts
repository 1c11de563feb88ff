// Pruning the change log (PG 4) that replicas follow. Every write on the
// server adds a row; kept for ever, the log grows with every bundle HQ ever
// received, while a replica only ever reads the changes after the last one
// it applied. A change is deleted when it is BOTH older than KEEP.days AND
// not among the newest KEEP.changes:
// - the age bound means a replica that was refreshed in the last month (a
//   laptop on holiday, an analyst's machine switched off) still catches up
//   with a small incremental refresh;
// - the count bound keeps a useful tail on a quiet server (few imports a
//   month), where the log costs nothing and an old replica still refreshes
//   incrementally, and a burst of imports is never pruned the day it lands.
// A replica that last saw a change older than the oldest kept one cannot
// know what it missed: the server records how far it pruned
// (`replica.pruned_through` in settings, written in the same transaction as
// the delete), and such a replica is copied whole (replica.ts), as one built
// from another database is.
//
// When: after an import batch that imported something (the engine's
// optimize step), so a server that receives bundles prunes as it grows and an
// idle one has nothing to prune. It never takes the apply lock — deleting old
// rows does not touch the rows importers insert — so imports are never held
// up; a separate advisory lock lets one machine prune at a time, the others
// skip. One call deletes at most PRUNE_BATCH rows (the first prune of a long
// log is spread over a few imports), so it stays short.
import type pg from 'pg';
import { inTx } from './pg-sql';

export const KEEP = { days: 30, changes: 10_000 };
export const PRUNE_BATCH = 50_000;
/** Advisory lock of the pruner (see pg-sql.ts for the others). */
export const PRUNE_LOCK = 0x46535052; // 'FSPR'
/** The settings key holding the last sequence number pruned. */
export const PRUNED_THROUGH = 'replica.pruned_through';

export interface PruneOptions {
  days?: number;
  changes?: number;
  now?: Date;
  /** Rows one call deletes at most (PRUNE_BATCH). */
  batch?: number;
}

export interface Pruned {
  /** Rows deleted by this call. */
  deleted: number;
  /** Every change up to this one is gone (0: none ever was). */
  through: number;
}

export async function pruneChangeLog(pool: pg.Pool, opts: PruneOptions = {}): Promise<Pruned> {
  const days = opts.days ?? KEEP.days;
  const changes = opts.changes ?? KEEP.changes;
  const cutoff = new Date((opts.now ?? new Date()).getTime() - days * 86_400_000).toISOString();
  return inTx(pool, async (c) => {
    const through = async () => Number(((await c.query('SELECT value FROM settings WHERE key = $1', [PRUNED_THROUGH])).rows[0] as { value: string } | undefined)?.value ?? 0);
    if (!((await c.query('SELECT pg_try_advisory_xact_lock($1) AS got', [PRUNE_LOCK])).rows[0] as { got: boolean }).got) return { deleted: 0, through: await through() };
    // The newest change that is old enough, beyond the newest `changes` and within this call's batch: found by the index
    // on time (PG 6) among the changes old enough, which once the log is pruned are the few that aged since the last call.
    const r = (await c.query(`WITH b AS (SELECT (SELECT coalesce(max(seq), 0) FROM hq_change) - $1 AS beyond, (SELECT min(seq) FROM hq_change) + $3 - 1 AS batch)
      SELECT max(seq) AS seq FROM hq_change, b WHERE at < $2 AND seq <= least(b.beyond, b.batch)`, [changes, cutoff, opts.batch ?? PRUNE_BATCH])).rows[0] as { seq: number | null };
    if (r.seq === null) return { deleted: 0, through: await through() };
    const cut = Number(r.seq);
    const deleted = (await c.query('DELETE FROM hq_change WHERE seq <= $1', [cut])).rowCount ?? 0;
    // Only ever forward: a replica compares its last change with it.
    await c.query(`INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key)
      DO UPDATE SET value = greatest(settings.value::bigint, excluded.value::bigint)::text`, [PRUNED_THROUGH, String(cut)]);
    return { deleted, through: await through() };
  });
}
