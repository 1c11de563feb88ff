// What a line of the audit list shows of an audit's content, kept in its
// row: how many items are answered and how many findings it has. Counting
// them per audit read every answer of every audit listed (about 100 per
// audit: 100,000 rows at a thousand audits), so the list grew with the
// years while everything else stayed flat. Triggers keep both counts in the
// same transaction as the change they count, whichever code makes it (an
// answer saved, a revision copied on reopening, a finding raised or
// cleared), and never on a save that only changes an answer's text.
import type { Migration } from './types';

export const FILL_COUNTS = `UPDATE audits SET
        answered_count = (SELECT count(*) FROM responses r WHERE r.audit_id = audits.id AND r.value IS NOT NULL),
        finding_count = (SELECT count(*) FROM findings f WHERE f.audit_id = audits.id)`;

export const m014: Migration = {
  version: 14,
  name: 'audit-counts',
  up(db) {
    db.exec(`
      ALTER TABLE audits ADD COLUMN answered_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE audits ADD COLUMN finding_count INTEGER NOT NULL DEFAULT 0;
      ${FILL_COUNTS};

      CREATE TRIGGER responses_count_insert AFTER INSERT ON responses WHEN NEW.value IS NOT NULL
        BEGIN UPDATE audits SET answered_count = answered_count + 1 WHERE id = NEW.audit_id; END;
      CREATE TRIGGER responses_count_update AFTER UPDATE OF value ON responses
        WHEN (OLD.value IS NULL) != (NEW.value IS NULL)
        BEGIN UPDATE audits SET answered_count = answered_count + CASE WHEN NEW.value IS NULL THEN -1 ELSE 1 END WHERE id = NEW.audit_id; END;
      CREATE TRIGGER responses_count_delete AFTER DELETE ON responses WHEN OLD.value IS NOT NULL
        BEGIN UPDATE audits SET answered_count = answered_count - 1 WHERE id = OLD.audit_id; END;
      CREATE TRIGGER findings_count_insert AFTER INSERT ON findings
        BEGIN UPDATE audits SET finding_count = finding_count + 1 WHERE id = NEW.audit_id; END;
      CREATE TRIGGER findings_count_delete AFTER DELETE ON findings
        BEGIN UPDATE audits SET finding_count = finding_count - 1 WHERE id = OLD.audit_id; END;
    `);
  },
};
