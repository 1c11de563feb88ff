// The chain of a finalized audit's corrective actions after finalize: one
// per audit, in action_events, hashed like the audit's own chain but under
// its own tag, so an event cannot be moved from one chain to the other.
import type { Db } from '../store/db';
import { sha256Hex } from '../sha256';
import { GENESIS, type ChainHead } from '../store/events';
import { stmt } from '../store/stmt';
import { nowIso } from '../store/clock';
import { uuidv7 } from '../../../shared/ids';
import { toWellFormed } from '../../../shared/well-formed';

export interface ActionEventRow {
  audit_id: string;
  seq: number;
  id: string;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: string;
  old: string | null;
  new: string | null;
  prev_hash: string;
  hash: string;
}

export const ACTION_CHAIN_TAG = 'fairsite.action-event/1';

export function actionEventHash(e: Omit<ActionEventRow, 'hash'>): string {
  return sha256Hex(JSON.stringify([
    ACTION_CHAIN_TAG, e.seq, e.id, e.audit_id, e.at, e.actor, e.entity, e.entity_id, e.action, e.old, e.new, e.prev_hash,
  ]));
}

export function actionChainHead(db: Db, auditId: string): ChainHead | undefined {
  return stmt(db, 'SELECT seq, hash FROM action_events WHERE audit_id = ? ORDER BY seq DESC LIMIT 1').get(auditId) as ChainHead | undefined;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : toWellFormed(JSON.stringify(v)));

export interface ActionEventInput {
  auditId: string;
  actor: string;
  entity: 'action_track' | 'closure_evidence';
  entityId: string;
  action: string;
  old: unknown;
  new: unknown;
}

/** Inside the transaction of the change it records. */
export function appendActionEvent(db: Db, e: ActionEventInput): ActionEventRow {
  if (!db.inTransaction) throw new Error('appendActionEvent must run inside the transaction of the change');
  const last = actionChainHead(db, e.auditId);
  const row: ActionEventRow = {
    audit_id: e.auditId, seq: (last?.seq ?? 0) + 1, id: uuidv7(), at: nowIso(), actor: toWellFormed(e.actor),
    entity: e.entity, entity_id: e.entityId, action: e.action, old: json(e.old), new: json(e.new),
    prev_hash: last?.hash ?? GENESIS, hash: '',
  };
  row.hash = actionEventHash(row);
  stmt(db, `INSERT INTO action_events (audit_id, seq, id, at, actor, entity, entity_id, action, old, new, prev_hash, hash)
    VALUES (@audit_id, @seq, @id, @at, @actor, @entity, @entity_id, @action, @old, @new, @prev_hash, @hash)`).run(row);
  return row;
}

export function listActionEvents(db: Db, auditId: string, fromSeq = 1): ActionEventRow[] {
  return stmt(db, 'SELECT * FROM action_events WHERE audit_id = ? AND seq >= ? ORDER BY seq').all(auditId, fromSeq) as ActionEventRow[];
}

export interface ActionChainReport {
  ok: boolean;
  events: number;
  brokenAt: number | null;
  reason: string | null;
}

/** Checks a chain's rows in order from its start (the laptop's table, or a bundle's events at HQ). */
export function verifyActionRows(rows: Iterable<ActionEventRow>, start: { seq: number; hash: string } = { seq: 0, hash: GENESIS }): ActionChainReport {
  let prev = start.hash;
  let n = start.seq;
  for (const r of rows) {
    n++;
    const fail = (reason: string): ActionChainReport => ({ ok: false, events: n - start.seq, brokenAt: r.seq, reason });
    if (r.seq !== n) return fail(`action event ${n} is missing (found event ${r.seq} in its place)`);
    if (r.prev_hash !== prev) return fail(`action event ${r.seq} does not follow event ${r.seq - 1} (previous hash differs)`);
    if (actionEventHash(r) !== r.hash) return fail(`action event ${r.seq} was changed after it was written (hash differs)`);
    prev = r.hash;
  }
  return { ok: true, events: n - start.seq, brokenAt: null, reason: null };
}

export function verifyActionChain(db: Db, auditId: string): ActionChainReport {
  return verifyActionRows(listActionEvents(db, auditId));
}
