// Events without the UNIQUE index on id that schema 1 gave them. Every saved
// answer writes an event, and that index was a third b-tree to update (and
// a page to write) per event, next to the table and the chain index. Event
// ids stay (the hash covers them); they are UUIDv7, unique without an index
// to prove it, and nothing looks events up by id. SQLite cannot drop a
// column constraint in place, so the table is rebuilt in its rowid order.
import type { Migration } from './types';

export const m005: Migration = {
  version: 5,
  name: 'events-without-id-index',
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
    `);
  },
};
