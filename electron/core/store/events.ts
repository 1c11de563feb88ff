// The append-only audit trail. Each event carries the hash of the one
// before it in its chain (one chain per audit, and one for the events of no
// audit: profile, sites, templates), so rewriting, removing or moving history
// shows in verifyChain.
import type Database from 'better-sqlite3';
import type { Db } from './db';
import { sha256Hex } from './canonical';
import { uuidv7 } from '../../../shared/ids';

export const GENESIS = '0'.repeat(64);

export interface EventInput {
  auditId: string | null;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  old: unknown;
  new: unknown;
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

// Chain n's events have keys n·2^32 + seq (migration 005); chain 0 is the
// events of no audit, audits get their number with their first event.
const CHAIN_SPAN = 2 ** 32;

interface Statements {
  chain: Database.Statement;
  newChain: Database.Statement;
  last: Database.Statement;
  insert: Database.Statement;
}

const stmts = new WeakMap<Db, Statements>();

function prepared(db: Db): Statements {
  let s = stmts.get(db);
  if (!s) {
    s = {
      chain: db.prepare('SELECT n FROM event_chains WHERE audit_id = ?').pluck(),
      newChain: db.prepare('INSERT INTO event_chains (audit_id) VALUES (?) RETURNING n').pluck(),
      last: db.prepare('SELECT seq, hash FROM events WHERE key BETWEEN ? AND ? ORDER BY key DESC LIMIT 1').raw(),
      // Positional: binding twelve named values costs more than the insert itself.
      insert: db.prepare(`INSERT INTO events (key, seq, id, audit_id, at, actor, entity, entity_id, action, old, new, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
    stmts.set(db, s);
  }
  return s;
}

/** The first key of an existing chain, or null when the audit has no events. */
function chainBase(db: Db, auditId: string | null): number | null {
  if (auditId === null) return 0;
  const n = prepared(db).chain.get(auditId) as number | undefined;
  return n === undefined ? null : n * CHAIN_SPAN;
}

// Plain JSON.stringify: the stored text itself is what the hash covers.
const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/** Call inside the transaction that makes the change. */
export function appendEvent(db: Db, e: EventInput): EventRow {
  if (!db.inTransaction) throw new Error('appendEvent must run inside the transaction of the change');
  const s = prepared(db);
  const base = chainBase(db, e.auditId) ?? (s.newChain.get(e.auditId) as number) * CHAIN_SPAN;
  const last = s.last.get(base + 1, base + CHAIN_SPAN - 1) as [seq: number, hash: string] | undefined;
  const row: EventRow = {
    seq: (last?.[0] ?? 0) + 1,
    id: uuidv7(),
    audit_id: e.auditId,
    at: new Date().toISOString(),
    actor: e.actor,
    entity: e.entity,
    entity_id: e.entityId,
    action: e.action,
    old: json(e.old),
    new: json(e.new),
    prev_hash: last?.[1] ?? GENESIS,
    hash: '',
  };
  row.hash = eventHash(row);
  s.insert.run(base + row.seq, row.seq, row.id, row.audit_id, row.at, row.actor, row.entity, row.entity_id, row.action, row.old, row.new, row.prev_hash, row.hash);
  return row;
}

const COLUMNS = 'seq, id, audit_id, at, actor, entity, entity_id, action, old, new, prev_hash, hash';

/** One chain's events in order, without reading them all into memory. */
function chainRows(db: Db, auditId: string | null): IterableIterator<EventRow> {
  const base = chainBase(db, auditId);
  if (base === null) return [][Symbol.iterator]();
  return db.prepare(`SELECT ${COLUMNS} FROM events WHERE key BETWEEN ? AND ? ORDER BY key`).iterate(base + 1, base + CHAIN_SPAN - 1) as IterableIterator<EventRow>;
}

export interface ChainReport {
  ok: boolean;
  events: number;
  /** Sequence number of the first event that does not verify. */
  brokenAt: number | null;
  reason: string | null;
}

export function verifyChain(db: Db, auditId: string | null): ChainReport {
  const rows = chainRows(db, auditId);
  let prev = GENESIS;
  let n = 0;
  for (const r of rows) {
    n++;
    const fail = (reason: string): ChainReport => ({ ok: false, events: n, brokenAt: r.seq, reason });
    if (r.seq !== n) return fail(`event ${n} is missing (found event ${r.seq} in its place)`);
    if (r.audit_id !== auditId) return fail(`event ${r.seq} belongs to another audit's history`);
    if (r.prev_hash !== prev) return fail(`event ${r.seq} does not follow event ${r.seq - 1} (previous hash differs)`);
    if (eventHash(r) !== r.hash) return fail(`event ${r.seq} was changed after it was written (hash differs)`);
    prev = r.hash;
  }
  return { ok: true, events: n, brokenAt: null, reason: null };
}

export function listEvents(db: Db, auditId: string | null): EventRow[] {
  return [...chainRows(db, auditId)];
}
