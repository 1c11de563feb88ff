// Migration 001 (the foundation): from an empty database (N−1 = 0) to the
// core tables, STRICT typing, constraints and the append-only event log.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/db';
import { migrations } from '../../../../electron/core/store/migrations/index';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 0);
  // N−1 is the empty database: "seed" it with an unrelated table that must survive.
  db.exec("CREATE TABLE keepme (x TEXT) STRICT; INSERT INTO keepme VALUES ('kept')");
  migrate(db, migrations, 1);
});

const TABLES = ['settings', 'profile', 'sites', 'templates', 'audits', 'responses', 'findings', 'corrective_actions', 'notes', 'photos', 'interviews', 'events'];

describe('001-core', () => {
  it('records version 1 and keeps existing data', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare('SELECT x FROM keepme').get()).toEqual({ x: 'kept' });
  });

  it('creates every core table as STRICT', () => {
    const list = db.prepare('PRAGMA table_list').all() as Array<{ name: string; strict: number }>;
    for (const t of TABLES) expect(list.find((r) => r.name === t), t).toMatchObject({ strict: 1 });
  });

  function seedAudit() {
    db.prepare("INSERT INTO sites (id, name, country, min_wage_period, overtime_rate, currency, created_at, updated_at) VALUES ('s', 'Site', 'PH', 'hour', 1.25, 'PHP', 'now', 'now')").run();
    db.prepare("INSERT INTO templates (id, key, version, name, hash, body, sections, items, created_at) VALUES ('t', 'k', '1.0.0', 'T', 'h', '{}', 1, 1, 'now')").run();
    db.prepare("INSERT INTO audits (id, site_id, template_id, status, type, start_date, end_date, created_at, updated_at) VALUES ('a', 's', 't', 'draft', 'announced', '2026-01-01', '2026-01-01', 'now', 'now')").run();
  }

  it('enforces types, statuses, foreign keys and one answer per item', () => {
    seedAudit();
    expect(() => db.prepare("UPDATE sites SET headcount = 'many' WHERE id = 's'").run()).toThrow(/cannot store TEXT value in INTEGER/);
    expect(() => db.prepare("UPDATE audits SET status = 'archived' WHERE id = 'a'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO responses (id, audit_id, item_id, updated_at, updated_by) VALUES ('r', 'missing', 'i', 'now', 'me')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO responses (id, audit_id, item_id, updated_at, updated_by) VALUES ('r1', 'a', 'i', 'now', 'me')").run();
    expect(() => db.prepare("INSERT INTO responses (id, audit_id, item_id, updated_at, updated_by) VALUES ('r2', 'a', 'i', 'now', 'me')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO templates (id, key, version, name, hash, body, sections, items, created_at) VALUES ('t2', 'k', '1.0.0', 'T', 'h2', '{}', 1, 1, 'now')").run()).toThrow(/UNIQUE/);
  });

  it('keeps events append-only and one sequence per chain', () => {
    const ins = db.prepare("INSERT INTO events (seq, id, audit_id, at, actor, entity, entity_id, action, prev_hash, hash) VALUES (?, ?, ?, 'now', 'me', 'x', 'y', 'create', 'p', 'h')");
    ins.run(1, 'e1', null);
    ins.run(1, 'e2', 'a');
    expect(() => ins.run(1, 'e3', null)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE events SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });
});
