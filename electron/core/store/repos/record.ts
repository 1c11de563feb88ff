// The one way repositories record a change: the event goes into the same
// transaction as the write it describes.
import type { Core } from '../../core';
import { appendEvent } from '../events';

export function record(core: Core, auditId: string | null, entity: string, entityId: string, action: string, old: unknown, next: unknown): void {
  appendEvent(core.db, { auditId, actor: core.actor, entity, entityId, action, old, new: next });
}
