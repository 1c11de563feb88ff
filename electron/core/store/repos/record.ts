// The one way repositories record a change: the event goes into the same
// transaction as the write it describes.
import type { Core } from '../../core';
import { appendEvent, type ChainHead } from '../events';

/** `head`: the chain's last event when the caller read it in this transaction. */
export function record(core: Core, auditId: string | null, entity: string, entityId: string, action: string, old: unknown, next: unknown, head?: ChainHead | null): void {
  appendEvent(core.db, { auditId, actor: core.actor, entity, entityId, action, old, new: next }, head);
}
