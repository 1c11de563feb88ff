// PG 6: the change log learns hand-overs, and is pruned by age.
// Handing an audit over writes its owners (and the hand-over's record) on
// the server; the replicas must re-copy those audits' rows, so the write
// logs a change of its own kind, naming the audits it moved. The pruner
// (change-log.ts) runs after every import batch and looks for the newest
// change older than its retention: the index by time finds it among the few
// changes old enough, instead of walking back through every recent one (a
// month of changes: a quarter of a second per batch on 150,000). How far the
// log was pruned is the setting `replica.pruned_through`, which needs no
// schema; a replica that has not seen every pruned change is copied whole.
import type pg from 'pg';

export async function pgHandoverChanges(c: pg.PoolClient): Promise<void> {
  await c.query(`
    ALTER TABLE hq_change DROP CONSTRAINT IF EXISTS hq_change_kind_check;
    ALTER TABLE hq_change ADD CONSTRAINT hq_change_kind_check CHECK (kind IN ('applied', 'held', 'auditor', 'handover'));
    CREATE INDEX hq_change_at ON hq_change (at, seq);
  `);
}
