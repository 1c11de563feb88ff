// The tables every autosave writes, rebuilt to cost less per save (SQLite
// cannot change a table's constraints in place). Nothing a row may hold
// changes.
// - events: without the UNIQUE index on id that schema 1 gave them. It was a
//   third b-tree to update, and a page to write, per event. Event ids stay
//   (the hash covers them); they are UUIDv7, unique without an index to
//   prove it, and nothing looks events up by id.
// - responses and findings: severity is checked with comparisons instead of
//   IN ('critical', 'major', 'minor'). SQLite evaluates an IN list of three
//   or more values by building a temporary b-tree, on every row written.
// Rows are copied in rowid order; corrective actions keep pointing at their
// findings (foreign keys are off during the rebuild and checked before it
// commits: see migrate()).
import type { Migration } from './types';

const SEVERITY = "severity = 'critical' OR severity = 'major' OR severity = 'minor'";

export const m005: Migration = {
  version: 5,
  name: 'save-path-tables',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      CREATE TABLE events_rebuilt (
        seq INTEGER NOT NULL,
        id TEXT NOT NULL,
        audit_id TEXT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        old TEXT,
        new TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      INSERT INTO events_rebuilt (rowid, seq, id, audit_id, at, actor, entity, entity_id, action, old, new, prev_hash, hash)
        SELECT rowid, seq, id, audit_id, at, actor, entity, entity_id, action, old, new, prev_hash, hash FROM events ORDER BY rowid;
      DROP TABLE events;
      ALTER TABLE events_rebuilt RENAME TO events;
      CREATE UNIQUE INDEX events_chain ON events(ifnull(audit_id, ''), seq);
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

      CREATE TABLE responses_rebuilt (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id),
        item_id TEXT NOT NULL,
        value TEXT,
        note TEXT NOT NULL DEFAULT '',
        severity TEXT CHECK (${SEVERITY}),
        zero_tolerance INTEGER NOT NULL DEFAULT 0 CHECK (zero_tolerance IN (0, 1)),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        UNIQUE (audit_id, item_id)
      ) STRICT;
      INSERT INTO responses_rebuilt (rowid, id, audit_id, item_id, value, note, severity, zero_tolerance, updated_at, updated_by)
        SELECT rowid, id, audit_id, item_id, value, note, severity, zero_tolerance, updated_at, updated_by FROM responses ORDER BY rowid;
      DROP TABLE responses;
      ALTER TABLE responses_rebuilt RENAME TO responses;

      CREATE TABLE findings_rebuilt (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id),
        item_id TEXT NOT NULL,
        section_id TEXT NOT NULL,
        severity TEXT CHECK (${SEVERITY}),
        zero_tolerance INTEGER NOT NULL DEFAULT 0 CHECK (zero_tolerance IN (0, 1)),
        source TEXT NOT NULL CHECK (source IN ('answer', 'check')),
        summary TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (audit_id, item_id)
      ) STRICT;
      INSERT INTO findings_rebuilt (rowid, id, audit_id, item_id, section_id, severity, zero_tolerance, source, summary, note, created_at, updated_at)
        SELECT rowid, id, audit_id, item_id, section_id, severity, zero_tolerance, source, summary, note, created_at, updated_at FROM findings ORDER BY rowid;
      DROP TABLE findings;
      ALTER TABLE findings_rebuilt RENAME TO findings;
    `);
  },
};
