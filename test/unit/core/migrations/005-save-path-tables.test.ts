// Migration 005 (save-path tables): events written under schema 4 (two
// audits' chains and the chain of no audit, interleaved as in use) come
// through byte for byte in their order, still verify, and the table keeps
// its chain index and stays append-only; only the id index is gone. Answers,
// findings and the corrective actions that point at them come through
// unchanged, with the same constraints.
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

describe('005-save-path-tables', () => {
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

describe('005-save-path-tables: answers and findings', () => {
  function seeded() {
    const db = databaseAt(4);
    const resp = db.prepare('INSERT INTO responses (id, audit_id, item_id, value, note, severity, zero_tolerance, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    resp.run('r1', AUDIT, 'i1', '{"answer":"non_compliant","kind":"compliance"}', 'Exit blocked', 'major', 1, '2026-11-02T09:00:00.000Z', 'auditor');
    resp.run('r2', AUDIT, 'i2', null, '', null, 0, '2026-11-02T09:01:00.000Z', 'auditor');
    db.prepare("INSERT INTO findings (id, audit_id, item_id, section_id, severity, zero_tolerance, source, summary, note, created_at, updated_at) VALUES ('f1', ?, 'i1', 's1', 'major', 1, 'answer', 'Exit blocked', 'n', 'now', 'now')").run(AUDIT);
    db.prepare("INSERT INTO corrective_actions (id, audit_id, finding_id, action, owner, due_date, status, created_at, updated_at) VALUES ('a1', ?, 'f1', 'Clear it', 'Facilities', '2026-12-01', 'open', 'now', 'now')").run(AUDIT);
    const rows = (table: string) => db.prepare(`SELECT rowid, * FROM ${table} ORDER BY rowid`).all();
    const before = { responses: rows('responses'), findings: rows('findings'), actions: rows('corrective_actions') };
    upTo(db, 5);
    return { db, rows, before };
  }

  it('keeps every answer, finding and corrective action as it was', () => {
    const { db, rows, before } = seeded();
    expect({ responses: rows('responses'), findings: rows('findings'), actions: rows('corrective_actions') }).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('still refuses a bad severity, a second answer or finding for an item, and an orphaned action', () => {
    const { db } = seeded();
    for (const table of ['responses', 'findings']) {
      expect(() => db.prepare(`UPDATE ${table} SET severity = 'serious' WHERE item_id = 'i1'`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`UPDATE ${table} SET severity = 'Major' WHERE item_id = 'i1'`).run()).toThrow(/CHECK/);
      for (const ok of ['critical', 'minor', null]) db.prepare(`UPDATE ${table} SET severity = ? WHERE item_id = 'i1'`).run(ok);
      expect(() => db.prepare(`UPDATE ${table} SET zero_tolerance = 2 WHERE item_id = 'i1'`).run()).toThrow(/CHECK/);
    }
    expect(() => db.prepare("INSERT INTO responses (id, audit_id, item_id, updated_at, updated_by) VALUES ('r3', ?, 'i1', 'now', 'me')").run(AUDIT)).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO responses (id, audit_id, item_id, updated_at, updated_by) VALUES ('r4', 'missing', 'i9', 'now', 'me')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO findings (id, audit_id, item_id, section_id, source, summary, created_at, updated_at) VALUES ('f2', ?, 'i1', 's1', 'check', 'x', 'now', 'now')").run(AUDIT)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE findings SET source = 'guess' WHERE id = 'f1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("DELETE FROM findings WHERE id = 'f1'").run()).toThrow(/FOREIGN KEY/);
  });

  it('writes an answer without building a temporary table for its checks', () => {
    const { db } = seeded();
    const ops = (sql: string, n: number) => (db.prepare(`EXPLAIN ${sql}`).all(...Array(n).fill(null)) as Array<{ opcode: string }>).map((o) => o.opcode);
    expect(ops('UPDATE responses SET value = ?, note = ?, severity = ?, zero_tolerance = ?, updated_at = ?, updated_by = ? WHERE rowid = ?', 7)).not.toContain('OpenEphemeral');
    expect(ops('INSERT INTO findings (id, audit_id, item_id, section_id, severity, zero_tolerance, source, summary, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', 11)).not.toContain('OpenEphemeral');
  });
});
