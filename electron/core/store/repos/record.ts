// The one way repositories record a change: the event goes into the same
// transaction as the write it describes.
import type { Core } from '../../core';
import { appendEvent, type ChainHead } from '../events';

/** What the caller already knows: the chain's last event, read in this transaction, and the time of the change. */
export interface Known {
  head?: ChainHead | null;
  at?: string;
}

export function record(core: Core, auditId: string | null, entity: string, entityId: string, action: string, old: unknown, next: unknown, known?: Known): void {
  appendEvent(core.db, { auditId, actor: core.actor, entity, entityId, action, old, new: next, at: known?.at }, known?.head);
}
