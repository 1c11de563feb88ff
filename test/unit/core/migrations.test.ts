// Every step of the registry: numbered without gaps, and applying them one
// by one gives the same schema as applying them all at once.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, latestVersion } from '../../../electron/core/store/db';
import { migrations } from '../../../electron/core/store/migrations/index';

const schemaOf = (db: Database.Database) =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();

describe('migration registry', () => {
  // 8 and 10 were set aside for steps that turned out to need no schema
  // change; they stay unused, since databases at 9 and 11 exist.
  const UNUSED = [8, 10];
  it('numbers the steps 1..N in order with unique names (no gap but the unused numbers)', () => {
    const expected = Array.from({ length: latestVersion() }, (_, i) => i + 1).filter((v) => !UNUSED.includes(v));
    expect(migrations.map((m) => m.version)).toEqual(expected);
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
    expect(latestVersion()).toBe(migrations.at(-1)!.version);
  });

  it('step by step equals all at once, and each step records its version', () => {
    const stepwise = new Database(':memory:');
    for (const m of migrations) {
      expect(migrate(stepwise, migrations, m.version)).toBe(m.version);
      expect(stepwise.pragma('integrity_check', { simple: true })).toBe('ok');
    }
    const once = new Database(':memory:');
    migrate(once, migrations);
    expect(schemaOf(stepwise)).toEqual(schemaOf(once));
    expect(migrate(once, migrations)).toBe(latestVersion()); // nothing left to do
  });
});

describe('a step that rebuilds referenced tables', () => {
  const parent = { version: 1, name: 'parent', up: (db: Database.Database) => db.exec("CREATE TABLE p (id TEXT PRIMARY KEY) STRICT; CREATE TABLE c (p_id TEXT NOT NULL REFERENCES p(id)) STRICT; INSERT INTO p VALUES ('a'); INSERT INTO c VALUES ('a');") };
  const rebuild = (keep: boolean) => ({
    version: 2, name: 'rebuild', rebuildsTables: true,
    up: (db: Database.Database) => db.exec(`CREATE TABLE p2 (id TEXT PRIMARY KEY) STRICT; ${keep ? 'INSERT INTO p2 SELECT id FROM p;' : ''} DROP TABLE p; ALTER TABLE p2 RENAME TO p;`),
  });
  const open = () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, [parent], 1);
    return db;
  };

  it('keeps the children pointing at the rebuilt table and turns foreign keys back on', () => {
    const db = open();
    expect(migrate(db, [parent, rebuild(true)])).toBe(2);
    expect(db.prepare('SELECT p_id FROM c').pluck().all()).toEqual(['a']);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare("INSERT INTO c VALUES ('missing')").run()).toThrow(/FOREIGN KEY/);
  });

  it('refuses a rebuild that would leave rows pointing at nothing, and leaves the schema as it was', () => {
    const db = open();
    const before = schemaOf(db);
    expect(() => migrate(db, [parent, rebuild(false)])).toThrow(/point at missing rows \(first: c → p\)/);
    expect(schemaOf(db)).toEqual(before);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
