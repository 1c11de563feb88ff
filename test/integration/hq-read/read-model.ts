// Every row of HQ's read model, in a stable order, to compare two states.
import type { Hq } from '../../../electron/core/hq/context';

export const READ_TABLES = {
  hq_audit: 'audit_id', hq_audit_client: 'audit_id, client', hq_answer: 'audit_id, item_id', hq_finding: 'audit_id, finding_id',
  hq_action: 'audit_id, action_id', hq_signature: 'audit_id, role',
} as const;

export function readModel(hq: Hq): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [t, order] of Object.entries(READ_TABLES)) out[t] = hq.db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all();
  return out;
}
