// A database at a given schema step with one site, template and audit, for
// migration tests (migrate to N−1, seed, migrate to N, assert).
import Database from 'better-sqlite3';
import { migrate } from '../../../../electron/core/store/db';
import { migrations } from '../../../../electron/core/store/migrations/index';

export const AUDIT = '01900000-0000-7000-8000-00000000a001';

export function databaseAt(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, version);
  // Schema 6 moved the wage columns into the site's legal profile.
  if (version >= 6) db.prepare("INSERT INTO sites (id, name, country, currency, created_at, updated_at) VALUES ('s', 'Site', 'PH', 'PHP', 'now', 'now')").run();
  else db.prepare("INSERT INTO sites (id, name, country, min_wage_period, overtime_rate, currency, created_at, updated_at) VALUES ('s', 'Site', 'PH', 'hour', 1.25, 'PHP', 'now', 'now')").run();
  db.prepare("INSERT INTO templates (id, key, version, name, hash, body, sections, items, created_at) VALUES ('t', 'k', '1.0.0', 'T', 'h', '{}', 1, 1, 'now')").run();
  db.prepare("INSERT INTO audits (id, site_id, template_id, status, type, start_date, end_date, created_at, updated_at) VALUES (?, 's', 't', 'in_progress', 'announced', '2026-01-01', '2026-01-01', 'now', 'now')").run(AUDIT);
  return db;
}

export const upTo = (db: Database.Database, version: number) => migrate(db, migrations, version);
