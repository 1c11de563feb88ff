// Handlers of the laptop's outbox: making a bundle and uploading run as
// jobs; a bundle carried by hand is marked delivered.
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { outboxOps } from '../../shared/contract/outbox-ops';
import { exportBundle } from '../core/bundle/export';
import { endpointInfo } from '../core/sync/endpoint';
import { sendOutbox } from '../core/sync/outbox';
import { getOutboxItem, listOutbox, markAcked } from '../core/sync/outbox-store';
import { startJob } from './start-job';
import { refusal } from '../../shared/core-messages';
import { msg } from '../../shared/messages';

type OutboxHandlers = { [K in keyof typeof outboxOps]: Handler<K, Core> };

export const outboxHandlers: OutboxHandlers = {
  'bundle.export': ({ auditIds, full }, core) => startJob(core, 'bundle.export', async (progress) => {
    const r = await exportBundle(core, { auditIds, full, onProgress: (done, total) => progress(total ? done / total : 1, 'Writing the bundle') });
    return { bundleId: r.bundleId, path: r.path, size: r.size, encrypted: r.encrypted, audits: r.audits, actionUpdates: r.actionUpdates, actionAudits: r.actionAudits, photos: r.photos, incremental: r.baseBundleId !== null };
  }),
  'outbox.list': (_i, core) => listOutbox(core.db),
  'outbox.sendNow': (_i, core) => {
    if (!endpointInfo(core)) throw refusal('not_ready', msg('sync.noAddress'));
    return startJob(core, 'outbox.sendNow', (progress) => sendOutbox(core, { now: true, onProgress: (sent, total) => progress(total ? sent / total : 1, 'Uploading') }));
  },
  'outbox.markDelivered': ({ bundleId }, core) => {
    if (!getOutboxItem(core.db, bundleId)) throw refusal('not_found', msg('sync.noBundle'));
    markAcked(core.db, bundleId);
    return getOutboxItem(core.db, bundleId)!;
  },
};
