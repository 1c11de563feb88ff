// What a laptop with years of audits needs to stay quick:
// - audits.last_change_at: the time of the audit's newest event, kept by a
//   trigger on events, so it changes in the same transaction as every
//   change it dates (answers included) and the home screen reads it from
//   the row instead of a subquery over the answers. Filled from what is
//   there: the later of the audit row's, its answers' and its events' times.
// - audits.head_seq and head_hash: the last event of the audit's chain,
//   kept by the same trigger, so an incremental bundle sees which audits
//   moved past what headquarters acknowledged from the audits table alone.
// - indexes for the home screen (newest first, overall and within a status),
//   for what headquarters acknowledged of each audit, and for whether a
//   photo file was already sent.
import type { Migration } from './types';

// `+audits.id`: without the plus the comparison takes the column's text
// affinity, which the expression index on events cannot serve, and every
// audit would scan all events (minutes on a laptop with years of audits).
export const FILL_LAST_CHANGE = `UPDATE audits SET last_change_at = max(updated_at,
        ifnull((SELECT max(r.updated_at) FROM responses r WHERE r.audit_id = audits.id), ''),
        ifnull((SELECT max(e.at) FROM events e WHERE ifnull(e.audit_id, '') = +audits.id), ''))`;

export const FILL_HEAD = `UPDATE audits SET (head_seq, head_hash) = (SELECT e.seq, e.hash FROM events e
        WHERE ifnull(e.audit_id, '') = +audits.id ORDER BY e.seq DESC LIMIT 1)
        WHERE EXISTS (SELECT 1 FROM events e WHERE ifnull(e.audit_id, '') = +audits.id)`;

export const m011: Migration = {
  version: 11,
  name: 'audit-list',
  up(db) {
    db.exec(`
      ALTER TABLE audits ADD COLUMN last_change_at TEXT;
      ALTER TABLE audits ADD COLUMN head_seq INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE audits ADD COLUMN head_hash TEXT;
      ${FILL_LAST_CHANGE};
      ${FILL_HEAD};
      CREATE TRIGGER events_audit_head AFTER INSERT ON events WHEN NEW.audit_id IS NOT NULL
        BEGIN UPDATE audits SET head_seq = NEW.seq, head_hash = NEW.hash,
          last_change_at = CASE WHEN ifnull(last_change_at, '') < NEW.at THEN NEW.at ELSE last_change_at END
          WHERE id = NEW.audit_id; END;

      CREATE INDEX audits_start ON audits(start_date, id);
      CREATE INDEX audits_status_start ON audits(status, start_date, id);
      CREATE INDEX bundle_out_audits_audit ON bundle_out_audits(audit_id, event_count);
      CREATE INDEX bundle_out_files_sha ON bundle_out_files(sha256);
    `);
  },
};
