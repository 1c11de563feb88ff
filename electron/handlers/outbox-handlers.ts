// Handlers of sync: export and upload run as jobs; the HQ screen works on
// the HQ folder inside the data folder (its own database).
import type { Core } from '../core/core';
import { handOver } from '../core/hq/owners';
import type { Handler } from './dispatch';
import type { bundleOps } from '../../shared/domain/sync';
import { AppError } from '../../shared/errors';
import { exportBundle } from '../core/bundle/export';
import { endpointInfo, saveEndpoint } from '../core/sync/endpoint';
import { sendOutbox } from '../core/sync/outbox';
import { getOutboxItem, listOutbox, markAcked } from '../core/sync/outbox-store';
import { hqRecipient, setHqRecipient } from '../core/sync/settings';
import { enrolAuditor, revokeAuditor } from '../core/hq/enrol';
import { initHqKey } from '../core/hq/keys';
import { hqFor, hqStatus, importPaths } from '../core/hq/service';
import { startJob } from './start-job';

type BundleHandlers = { [K in keyof typeof bundleOps]: Handler<K, Core> };

export const bundleHandlers: BundleHandlers = {
  'bundle.export': ({ auditIds, full }, core) => startJob(core, 'bundle.export', async (progress) => {
    const r = await exportBundle(core, { auditIds, full, onProgress: (done, total) => progress(total ? done / total : 1, 'Writing the bundle') });
    return { bundleId: r.bundleId, path: r.path, size: r.size, encrypted: r.encrypted, audits: r.audits, photos: r.photos, incremental: r.baseBundleId !== null };
  }),
  'outbox.list': (_i, core) => listOutbox(core.db),
  'outbox.sendNow': (_i, core) => {
    if (!endpointInfo(core)) throw new AppError('not_ready', 'No HQ upload address is set. Add it in the sync settings, or copy the bundle file to a USB stick.');
    return startJob(core, 'outbox.sendNow', (progress) => sendOutbox(core, { now: true, onProgress: (sent, total) => progress(total ? sent / total : 1, 'Uploading') }));
  },
  'outbox.markDelivered': ({ bundleId }, core) => {
    if (!getOutboxItem(core.db, bundleId)) throw new AppError('not_found', 'There is no such bundle in the outbox.');
    markAcked(core.db, bundleId);
    return getOutboxItem(core.db, bundleId)!;
  },
  'sync.settings': (_i, core) => ({ endpoint: endpointInfo(core), hqRecipient: hqRecipient(core) }),
  'sync.saveEndpoint': (input, core) => saveEndpoint(core, input),
  'sync.setHqKey': ({ recipient }, core) => {
    setHqRecipient(core, recipient || null);
    return { hqRecipient: hqRecipient(core) };
  },
  'hq.status': async (_i, core) => hqStatus(await hqFor(core)),
  'hq.init': async (_i, core) => initHqKey(await hqFor(core)),
  'hq.enrol': async (input, core) => enrolAuditor((await hqFor(core)).db, input),
  'hq.revoke': async ({ fingerprint }, core) => revokeAuditor((await hqFor(core)).db, fingerprint),
  'hq.handover': async (input, core) => handOver((await hqFor(core)).db, input),
  'hq.import': async ({ paths }, core) => {
    const hq = await hqFor(core);
    return startJob(core, 'hq.import', (progress) => importPaths(hq, paths, { onProgress: progress }));
  },
};
