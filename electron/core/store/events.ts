// The append-only audit trail. Each event carries the hash of the one
// before it in its chain (one chain per audit; '' for events of no audit),
// so rewriting or removing history shows in verifyChain.
import type { Db } from './db';
import { sha256Hex } from '../sha256';
import { stmt } from './stmt';
import { nowIso } from './clock';
import { uuidv7 } from '../../../shared/ids';
import { toWellFormed } from '../../../shared/well-formed';

export const GENESIS = '0'.repeat(64);

export interface EventInput {
  auditId: string | null;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  old: unknown;
  new: unknown;
  /** When the change was made, if the caller stamped it already (one clock reading per change). */
  at?: string;
}

export interface EventRow {
  seq: number;
  id: string;
  audit_id: string | null;
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

/**
 * SHA-256 over the canonical JSON of the event's fields in a fixed order,
 * ending with the previous event's hash. `old` and `new` enter as the exact
 * JSON text stored, so the hash can be checked from the row (or a bundle)
 * without parsing them.
 */
export function eventHash(e: Omit<EventRow, 'hash'>): string {
  return sha256Hex(JSON.stringify([
    'fairsite.event/1', e.seq, e.id, e.audit_id, e.at, e.actor, e.entity, e.entity_id, e.action, e.old, e.new, e.prev_hash,
  ]));
}

const LAST_SQL = "SELECT seq, hash FROM events WHERE ifnull(audit_id, '') = ? ORDER BY seq DESC LIMIT 1";
// Positional: binding twelve named values costs more than the insert itself.
const INSERT_SQL = `INSERT INTO events (seq, id, audit_id, at, actor, entity, entity_id, action, old, new, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const prepared = (db: Db) => ({ last: stmt(db, LAST_SQL), insert: stmt(db, INSERT_SQL) });

/** JSON text the caller has already written, stored as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

// Plain JSON.stringify: the stored text itself is what the hash covers.
const json = (v: unknown): string | null => (v === undefined || v === null ? null : v instanceof JsonText ? v.text : JSON.stringify(v));

const stored = (t: string | null): string | null => (t === null ? null : toWellFormed(t));

/** The last event of a chain. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Call inside the transaction that makes the change. `head` is the chain's
 * last event (null: none yet) when the caller has read it in this same
 * transaction; otherwise it is looked up.
 */
export function appendEvent(db: Db, e: EventInput, head?: ChainHead | null): EventRow {
  if (!db.inTransaction) throw new Error('appendEvent must run inside the transaction of the change');
  const s = prepared(db);
  const last = head === undefined ? (s.last.get(e.auditId ?? '') as ChainHead | undefined) : head;
  const row: EventRow = {
    seq: (last?.seq ?? 0) + 1,
    id: uuidv7(),
    audit_id: e.auditId,
    // Each text as SQLite will store it (UTF-8: a lone surrogate becomes U+FFFD),
    // so the hash covers exactly what is read back.
    at: toWellFormed(e.at ?? nowIso()),
    actor: toWellFormed(e.actor),
    entity: toWellFormed(e.entity),
    entity_id: toWellFormed(e.entityId),
    action: toWellFormed(e.action),
    old: stored(json(e.old)),
    new: stored(json(e.new)),
    prev_hash: last?.hash ?? GENESIS,
    hash: '',
  };
  row.hash = eventHash(row);
  s.insert.run(row.seq, row.id, row.audit_id, row.at, row.actor, row.entity, row.entity_id, row.action, row.old, row.new, row.prev_hash, row.hash);
  return row;
}

export interface ChainReport {
  ok: boolean;
  events: number;
  /** Sequence number of the first event that does not verify. */
  brokenAt: number | null;
  reason: string | null;
}

export function verifyChain(db: Db, auditId: string | null): ChainReport {
  const rows = db.prepare("SELECT * FROM events WHERE ifnull(audit_id, '') = ? ORDER BY seq").iterate(auditId ?? '') as IterableIterator<EventRow>;
  let prev = GENESIS;
  let n = 0;
  for (const r of rows) {
    n++;
    const fail = (reason: string): ChainReport => ({ ok: false, events: n, brokenAt: r.seq, reason });
    if (r.seq !== n) return fail(`event ${n} is missing (found event ${r.seq} in its place)`);
    if (r.prev_hash !== prev) return fail(`event ${r.seq} does not follow event ${r.seq - 1} (previous hash differs)`);
    if (eventHash(r) !== r.hash) return fail(`event ${r.seq} was changed after it was written (hash differs)`);
    prev = r.hash;
  }
  return { ok: true, events: n, brokenAt: null, reason: null };
}

export function listEvents(db: Db, auditId: string | null): EventRow[] {
  return db.prepare("SELECT * FROM events WHERE ifnull(audit_id, '') = ? ORDER BY seq").all(auditId ?? '') as EventRow[];
}

/** Events of one chain from sequence `fromSeq` on (the part a later bundle carries). */
export function listEventsFrom(db: Db, auditId: string | null, fromSeq: number): EventRow[] {
  return stmt(db, "SELECT * FROM events WHERE ifnull(audit_id, '') = ? AND seq >= ? ORDER BY seq").all(auditId ?? '', fromSeq) as EventRow[];
}

/** The event at one place of a chain, or undefined. */
export function eventAt(db: Db, auditId: string | null, seq: number): ChainHead | undefined {
  return stmt(db, "SELECT seq, hash FROM events WHERE ifnull(audit_id, '') = ? AND seq = ?").get(auditId ?? '', seq) as ChainHead | undefined;
}

/** The last event of a chain, or undefined when it has none. */
export function chainHead(db: Db, auditId: string | null): ChainHead | undefined {
  return prepared(db).last.get(auditId ?? '') as ChainHead | undefined;
}
