// Migration 005 (event keys): events written under schema 4 (two audits'
// chains and the chain of no audit, interleaved as they are in use) come
// through byte for byte, still verify, and keep their order; new events go
// to the right key range, and the table stays append-only.
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

describe('005-event-keys', () => {
  const order = [null, AUDIT, AUDIT, null, OTHER, AUDIT, OTHER, null, AUDIT];

  function migrated() {
    const db = databaseAt(4);
    db.prepare("INSERT INTO audits (id, site_id, template_id, status, type, start_date, end_date, created_at, updated_at) VALUES (?, 's', 't', 'draft', 'announced', '2026-01-01', '2026-01-01', 'now', 'now')").run(OTHER);
    seedEvents(db, order);
    const before = (auditId: string | null) => db.prepare(`SELECT ${COLUMNS} FROM events WHERE audit_id IS ? ORDER BY seq`).all(auditId);
    const rows = { none: before(null), audit: before(AUDIT), other: before(OTHER) };
    expect(upTo(db, 5)).toBe(5);
    return { db, rows };
  }

  it('moves every event byte for byte, in chain order, and each chain still verifies', () => {
    const { db, rows } = migrated();
    expect(rows.audit).toHaveLength(4);
    expect(listEvents(db, null)).toEqual(rows.none);
    expect(listEvents(db, AUDIT)).toEqual(rows.audit);
    expect(listEvents(db, OTHER)).toEqual(rows.other);
    for (const id of [null, AUDIT, OTHER]) expect(verifyChain(db, id)).toMatchObject({ ok: true });
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(order.length);
  });

  it('numbers the audits in the order their histories began and keys each event by chain and sequence', () => {
    const { db } = migrated();
    expect(db.prepare('SELECT n, audit_id FROM event_chains ORDER BY n').all()).toEqual([{ n: 1, audit_id: AUDIT }, { n: 2, audit_id: OTHER }]);
    const keys = db.prepare('SELECT key, typeof(key) AS type, seq, audit_id FROM events ORDER BY key').all() as Array<{ key: number; type: string; seq: number; audit_id: string | null }>;
    for (const k of keys) {
      const n = k.audit_id === null ? 0 : k.audit_id === AUDIT ? 1 : 2;
      expect(k).toEqual({ key: n * 2 ** 32 + k.seq, type: 'integer', seq: k.seq, audit_id: k.audit_id });
    }
  });

  it('appends to the right chain afterwards, starting a new one for a new audit', () => {
    const { db } = migrated();
    const third = '01900000-0000-7000-8000-00000000a003';
    db.transaction(() => {
      const e = { actor: 'auditor', entity: 'response', entityId: 'x', action: 'create', old: null, new: { a: 1 } };
      expect(appendEvent(db, { ...e, auditId: AUDIT }).seq).toBe(5);
      expect(appendEvent(db, { ...e, auditId: null }).seq).toBe(4);
      expect(appendEvent(db, { ...e, auditId: third }).seq).toBe(1);
      expect(appendEvent(db, { ...e, auditId: third }).seq).toBe(2);
    })();
    expect(db.prepare('SELECT n FROM event_chains WHERE audit_id = ?').pluck().get(third)).toBe(3);
    expect(db.prepare('SELECT key FROM events WHERE audit_id = ? ORDER BY key').pluck().all(third)).toEqual([3 * 2 ** 32 + 1, 3 * 2 ** 32 + 2]);
    for (const id of [null, AUDIT, OTHER, third]) expect(verifyChain(db, id)).toMatchObject({ ok: true });
    expect(verifyChain(db, '01900000-0000-7000-8000-00000000ffff')).toEqual({ ok: true, events: 0, brokenAt: null, reason: null });
  });

  it('refuses a second event at the same place, a key out of step with its sequence, and any UPDATE or DELETE', () => {
    const { db } = migrated();
    const ins = db.prepare(`INSERT INTO events (key, ${COLUMNS}) VALUES (?, ?, 'id', NULL, 'now', 'me', 'x', 'y', 'create', NULL, NULL, 'p', 'h')`);
    expect(() => ins.run(1, 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => ins.run(2 ** 32 + 7, 6)).toThrow(/CHECK/);
    expect(() => ins.run(0, 0)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE events SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });

  it('names an event moved into another audit\'s key range', () => {
    const { db } = migrated();
    db.exec('DROP TRIGGER events_no_update');
    // The last event of OTHER's chain (seq 2) moved to the end of AUDIT's (seq 5): its own hash still matches.
    db.prepare('UPDATE events SET key = ?, seq = 5, prev_hash = ? WHERE audit_id = ? AND seq = 2')
      .run(2 ** 32 + 5, listEvents(db, AUDIT)[3]!.hash, OTHER);
    expect(verifyChain(db, AUDIT)).toMatchObject({ ok: false, brokenAt: 5, reason: expect.stringMatching(/another audit/) });
  });
});
