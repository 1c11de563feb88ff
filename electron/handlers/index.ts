// Every operation's handler, one table per domain (spread below).
import type { Core } from '../core/core';
import type { Handlers } from './dispatch';
import { withStorageErrors } from './storage-errors';
import { coreHandlers } from './core-handlers';
import { evidenceHandlers } from './evidence-handlers';
import { reportHandlers } from './report-handlers';
import { outboxHandlers } from './outbox-handlers';
import { syncHandlers } from './sync-handlers';
import { hqAdminHandlers } from './hq-admin-handlers';
import { keysHandlers } from './keys-handlers';
import { auditProfileHandlers } from './audit-profile-handlers';
import { dialogHandlers } from './dialog-handlers';
import { followupHandlers } from './followup-handlers';
import { inboxHandlers } from './inbox-handlers';
import { hqReadHandlers } from './hq-read-handlers';
import { hqConfigHandlers } from './hq-config-handlers';
import { hqDatabaseHandlers } from './hq-database-handlers';

export const handlers: Handlers<Core> = withStorageErrors({
  ...coreHandlers,
  ...evidenceHandlers,
  ...reportHandlers,
  ...outboxHandlers,
  ...syncHandlers,
  ...hqAdminHandlers,
  ...keysHandlers,
  ...auditProfileHandlers,
  ...dialogHandlers,
  ...followupHandlers,
  ...inboxHandlers,
  ...hqReadHandlers,
  ...hqConfigHandlers,
  ...hqDatabaseHandlers,
});
