// Migration 005 (events without the id index): events written under schema 4
// (two audits' chains and the chain of no audit, interleaved as in use) come
// through byte for byte in their order, still verify, and the table keeps
// its chain index and stays append-only; only the id index is gone.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendEvent, eventHash, GENESIS, listEvents, verifyChain, type EventRow } from '../../../../electron/core/store/events';
import { AUDIT, databaseAt, upTo } from './seed';

const OTHER = '01900000-0000-7000-8000-00000000a002';
const COLUMNS = 'seq, id, audit_id, at, actor, entity, entity_id, action, old, new, prev_hash, hash';

/** Events as schema 4 stored them, each chained to the last of its audit. */
function seedEvents(db: Database.Database, chains: Array<string | null>): void {
  const heads = new Map<string | null, { seq: number; hash: string }>();
  const ins = db.prepare(`INSERT INTO events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  chains.forEach((auditId, i) => {
    const head = heads.get(auditId) ?? { seq: 0, hash: GENESIS };
    const row: Omit<EventRow, 'hash'> = {
      seq: head.seq + 1, id: `0190000${i}-0000-7000-8000-000000000000`, audit_id: auditId, at: `2026-11-0${(i % 9) + 1}T10:00:00.000Z`,
      actor: 'auditor', entity: 'response', entity_id: `r${i}`, action: 'update', old: i % 2 ? null : JSON.stringify({ note: `before ${i}` }),
      new: JSON.stringify({ note: `after ${i}`, text: 'Ünïcødé ✓' }), prev_hash: head.hash,
    };
    const hash = eventHash(row);
    ins.run(row.seq, row.id, row.audit_id, row.at, row.actor, row.entity, row.entity_id, row.action, row.old, row.new, row.prev_hash, hash);
    heads.set(auditId, { seq: row.seq, hash });
  });
}

const order = [null, AUDIT, AUDIT, null, OTHER, AUDIT, OTHER, null, AUDIT];

function migrated() {
  const db = databaseAt(4);
  seedEvents(db, order);
  const all = db.prepare(`SELECT rowid, ${COLUMNS} FROM events ORDER BY rowid`).all();
  expect(all).toHaveLength(order.length);
  expect(upTo(db, 5)).toBe(5);
  return { db, all };
}

const indexes = (db: Database.Database) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events' ORDER BY name").pluck().all();

describe('005-events-without-id-index', () => {
  it('keeps every event byte for byte and in its rowid order; every chain still verifies', () => {
    const { db, all } = migrated();
    expect(db.prepare(`SELECT rowid, ${COLUMNS} FROM events ORDER BY rowid`).all()).toEqual(all);
    for (const id of [null, AUDIT, OTHER]) expect(verifyChain(db, id)).toMatchObject({ ok: true, events: order.filter((o) => o === id).length });
  });

  it('drops only the id index', () => {
    const db = databaseAt(4);
    expect(indexes(db)).toEqual(['events_chain', 'sqlite_autoindex_events_1']);
    upTo(db, 5);
    expect(indexes(db)).toEqual(['events_chain']);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT seq, hash FROM events WHERE ifnull(audit_id, '') = ? ORDER BY seq DESC LIMIT 1").all('x') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX events_chain/);
  });

  it('appends after the migrated events, one sequence per chain, and stays append-only', () => {
    const { db } = migrated();
    db.transaction(() => {
      const e = { actor: 'auditor', entity: 'response', entityId: 'x', action: 'create', old: null, new: { a: 1 } };
      expect(appendEvent(db, { ...e, auditId: AUDIT }).seq).toBe(5);
      expect(appendEvent(db, { ...e, auditId: null }).seq).toBe(4);
    })();
    for (const id of [null, AUDIT, OTHER]) expect(verifyChain(db, id)).toMatchObject({ ok: true });
    expect(listEvents(db, AUDIT).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    const ins = db.prepare(`INSERT INTO events (${COLUMNS}) VALUES (?, 'another-id', ?, 'now', 'me', 'x', 'y', 'create', NULL, NULL, 'p', 'h')`);
    expect(() => ins.run(5, AUDIT)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE events SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });
});
