// PG 6: the change log learns hand-overs. Handing an audit over writes its
// owners (and the hand-over's record) on the server; the replicas must
// re-copy those audits' rows, so the write logs a change of its own kind,
// naming the audits it moved. (The log is pruned too, change-log.ts: how far
// it was pruned is the setting `replica.pruned_through`, which needs no
// schema; a replica that has not seen every pruned change is copied whole.)
import type pg from 'pg';

export async function pgHandoverChanges(c: pg.PoolClient): Promise<void> {
  await c.query(`
    ALTER TABLE hq_change DROP CONSTRAINT IF EXISTS hq_change_kind_check;
    ALTER TABLE hq_change ADD CONSTRAINT hq_change_kind_check CHECK (kind IN ('applied', 'held', 'auditor', 'handover'));
  `);
}
