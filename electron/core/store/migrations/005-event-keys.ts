// Events keyed by chain and sequence in one integer: key = chain × 2^32 + seq,
// where chain 0 holds the events of no audit and each audit gets its own
// number in event_chains. One chain is then one contiguous key range of the
// table itself, so appending an event writes one b-tree instead of three
// (the table, the UNIQUE index on id and the chain index of schema 1): the
// save path's commit writes half as many pages. Event ids stay (the hash
// covers them); they are UUIDv7, unique without an index to prove it.
// Numbers stay below 2^21 so every key is a safe JavaScript integer.
import type { Migration } from './types';

export const m005: Migration = {
  version: 5,
  name: 'event-keys',
  up(db) {
    db.exec(`
      CREATE TABLE event_chains (
        n INTEGER PRIMARY KEY CHECK (n BETWEEN 1 AND 2097151),
        audit_id TEXT NOT NULL UNIQUE
      ) STRICT;
      -- Numbered in the order the audits' first events were written, so the
      -- newest audit (the one being worked on) has the last key range.
      INSERT INTO event_chains (audit_id)
        SELECT audit_id FROM events WHERE audit_id IS NOT NULL GROUP BY audit_id ORDER BY min(rowid);

      CREATE TABLE events_keyed (
        key INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 4294967295 AND key % 4294967296 = seq),
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
      INSERT INTO events_keyed (key, seq, id, audit_id, at, actor, entity, entity_id, action, old, new, prev_hash, hash)
        SELECT ifnull(c.n, 0) * 4294967296 + e.seq, e.seq, e.id, e.audit_id, e.at, e.actor, e.entity, e.entity_id, e.action, e.old, e.new, e.prev_hash, e.hash
        FROM events e LEFT JOIN event_chains c ON c.audit_id = e.audit_id;

      DROP TABLE events;
      ALTER TABLE events_keyed RENAME TO events;
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    `);
  },
};
