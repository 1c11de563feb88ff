// Which action chains must go again from their start so that HQ gets every
// closure evidence file. An acknowledged bundle made before evidence files
// travelled carried the evidence records but not their files; an
// incremental bundle carries only the files its own events name, so those
// would never reach HQ. Their chains are sent again whole (HQ accepts the
// events it holds when they are the same), with the files not yet sent.
import type { Core } from '../core';
import { stmt } from '../store/stmt';
import { sentFiles } from '../sync/outbox-store';
import type { ActionSentState } from './action-docs';

/** `sent` without the chains whose acknowledged part names a closure file no acknowledged bundle carried. */
export function withUnsentEvidence(core: Core, sent: Map<string, ActionSentState>): Map<string, ActionSentState> {
  const rows = stmt(core.db, `SELECT audit_id, seq, json_extract(new, '$.sha256') AS sha256 FROM action_events
    WHERE entity = 'closure_evidence' AND action = 'create'`).all() as Array<{ audit_id: string; seq: number; sha256: string }>;
  const acked = rows.filter((r) => r.seq <= (sent.get(r.audit_id)?.eventCount ?? 0));
  if (!acked.length) return sent;
  const have = sentFiles(core.db, acked.map((r) => r.sha256));
  const again = new Set(acked.filter((r) => !have.has(r.sha256)).map((r) => r.audit_id));
  if (!again.size) return sent;
  return new Map([...sent].filter(([auditId]) => !again.has(auditId)));
}
