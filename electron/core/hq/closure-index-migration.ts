// HQ migration 6: closure evidence found by its hash. Serving a file (the
// audit view's thumbnails, a document to save) looks its record up by
// sha256 (read/files.ts); without an index every lookup read the whole
// table, which grows with every action chain HQ receives. The index carries
// the primary key's columns too, so the first record in (audit_id, seq)
// order comes from the index without a sort. It also picks again the lead
// action of findings whose lead was a collaborative action while a dated one
// was open (read/lead-action.ts). PG 5 is its twin on the server.
import type { Migration } from '../store/migrations/types';
import { REPICK_LEAD_SQL } from './read/lead-action';

export const CLOSURE_SHA_INDEX = 'CREATE INDEX hq_closure_evidence_sha ON hq_closure_evidence(sha256, audit_id, seq)';

export const hqClosureShaIndex: Migration = {
  version: 6,
  name: 'hq-evidence-sha-lead-action',
  up(db) {
    db.exec(CLOSURE_SHA_INDEX);
    for (const sql of REPICK_LEAD_SQL) db.exec(sql);
  },
};
