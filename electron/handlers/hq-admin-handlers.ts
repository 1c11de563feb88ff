// Handlers of headquarters' keys and imports: they work on the HQ folder
// inside the data folder (its own database); the import runs as a job.
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { hqAdminOps } from '../../shared/contract/hq-admin-ops';
import { enrolAuditor, revokeAuditor } from '../core/hq/enrol';
import { initHqKey } from '../core/hq/keys';
import { afterWrite, hqFor, hqStatus, importPaths } from '../core/hq/service';
import { startJob } from './start-job';

type HqAdminHandlers = { [K in keyof typeof hqAdminOps]: Handler<K, Core> };

export const hqAdminHandlers: HqAdminHandlers = {
  'hq.status': async (_i, core) => hqStatus(await hqFor(core)),
  'hq.init': async (_i, core) => initHqKey(await hqFor(core)),
  // On PostgreSQL the write goes to the server and the screens' replica follows it.
  'hq.enrol': async (input, core) => {
    const hq = await hqFor(core);
    if (!hq.replica) return enrolAuditor(hq.db, input);
    const out = await hq.store.enrol(input);
    await afterWrite(hq);
    return out;
  },
  'hq.revoke': async ({ fingerprint }, core) => {
    const hq = await hqFor(core);
    if (!hq.replica) return revokeAuditor(hq.db, fingerprint);
    const out = await hq.store.revoke(fingerprint);
    await afterWrite(hq);
    return out;
  },
  'hq.handover': async (input, core) => {
    const hq = await hqFor(core);
    const out = await hq.store.handOver(input);
    await afterWrite(hq);
    return out;
  },
  'hq.import': async ({ paths }, core) => {
    const hq = await hqFor(core);
    return startJob(core, 'hq.import', async (progress) => {
      const out = await importPaths(hq, paths, { onProgress: progress });
      await afterWrite(hq);
      return out;
    });
  },
};
