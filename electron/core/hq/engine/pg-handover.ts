// Handing an audit over on PostgreSQL: the SQLite engine's own rule
// (owners.ts handOver) run on a scratch copy of the rows it reads — the
// audit's owner and those of its later revisions, the versions that link
// them, the two keys — inside one server transaction that holds the apply
// lock, so no bundle of the audit is applied between the check of its owner
// and the hand-over (an apply re-checks owners under the same lock). The
// moved owners and the hand-over's record are written back, and the change
// is logged so every replica re-copies those audits. A refusal throws before
// anything is written: the transaction rolls back and nothing changes.
import type pg from 'pg';
import type { Db } from '../../store/db';
import { normalizeFingerprint } from '../../bundle/signature';
import { handOver, type Handover } from '../owners';
import { logChange } from './pg-migration-004';
import { APPLY_LOCK, inTx, rows } from './pg-sql';
import { insertRows, scratch, upsert, withScratch } from './scratch';

type Row = Record<string, unknown>;

/** The audit and every later revision of it HQ holds (versions naming it, or one of them, as previous). */
const CHAIN_SQL = `WITH RECURSIVE chain(id) AS (
    SELECT ?::text
    UNION SELECT v.audit_id FROM audit_versions v JOIN chain ON v.previous_id = chain.id
  ) SELECT id FROM chain`;

export interface HandoverInput {
  auditId: string;
  toFingerprint: string;
  reason: string;
}

/** Copies what handOver reads into the scratch database; returns the audits it may move. */
async function load(c: pg.PoolClient, db: Db, input: HandoverInput): Promise<string[]> {
  const chain = (await rows<{ id: string }>(c, CHAIN_SQL, [input.auditId])).map((r) => r.id);
  const put = async (table: string, sql: string, params: unknown[]) => insertRows(db, table, await rows<Row>(c, sql, params));
  await put('audit_owners', 'SELECT * FROM audit_owners WHERE audit_id = ANY(?)', [chain]);
  // handOver follows the revisions by their previous_id; their documents are never read.
  await put('audit_versions', `SELECT audit_id, head_hash, event_count, revision, previous_id, status, site_name, fingerprint, bundle_id, '' AS doc
    FROM audit_versions WHERE audit_id = ANY(?)`, [chain]);
  await put('auditors', 'SELECT * FROM auditors WHERE fingerprint = ?', [normalizeFingerprint(input.toFingerprint)]);
  return chain;
}

export function pgHandOver(pool: pg.Pool, input: HandoverInput): Promise<Handover> {
  return withScratch(() => inTx(pool, async (c) => {
    const db = scratch();
    // scratch() empties the keyed tables; the hand-over log has no key and is emptied here.
    db.prepare('DELETE FROM handovers').run();
    const chain = await load(c, db, input);
    const h = handOver(db, input);
    await upsert(c, 'audit_owners', db.prepare('SELECT * FROM audit_owners').all() as Row[], 'replace');
    const logged = db.prepare('SELECT audit_id, from_fingerprint, to_fingerprint, at, reason FROM handovers').all() as Row[];
    for (const r of logged) {
      await c.query('INSERT INTO handovers (audit_id, from_fingerprint, to_fingerprint, at, reason) VALUES ($1, $2, $3, $4, $5)',
        [r.audit_id, r.from_fingerprint, r.to_fingerprint, r.at, r.reason]);
    }
    await logChange(c, { kind: 'handover', auditIds: chain.filter((id) => logged.some((r) => r.audit_id === id)) });
    return h;
  }, { lock: APPLY_LOCK }));
}
