// Every step of the registry: numbered without gaps, and applying them one
// by one gives the same schema as applying them all at once.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, latestVersion } from '../../../electron/core/store/db';
import { migrations } from '../../../electron/core/store/migrations/index';

const schemaOf = (db: Database.Database) =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();

describe('migration registry', () => {
  it('numbers the steps 1..N in order with unique names', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
    expect(latestVersion()).toBe(migrations.length);
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
