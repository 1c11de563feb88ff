// What each bundle made on this laptop carried of the audits' action chains
// (corrective actions after finalize): the chain's head and length. The
// newest acknowledged row per audit tells the next incremental bundle where
// to start, as bundle_out_audits does for the audit's own chain.
import type { Migration } from './types';

export const m015: Migration = {
  version: 15,
  name: 'bundle-action-chains',
  up(db) {
    db.exec(`
      CREATE TABLE bundle_out_action_chains (
        bundle_id TEXT NOT NULL REFERENCES bundles_out(bundle_id),
        audit_id TEXT NOT NULL,
        head_hash TEXT NOT NULL,
        event_count INTEGER NOT NULL CHECK (event_count >= 1),
        PRIMARY KEY (bundle_id, audit_id)
      ) STRICT;
      CREATE INDEX bundle_out_action_chains_audit ON bundle_out_action_chains(audit_id, event_count);
    `);
  },
};
