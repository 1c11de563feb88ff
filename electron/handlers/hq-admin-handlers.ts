// Handlers of headquarters' keys and imports: they work on the HQ folder
// inside the data folder (its own database); the import runs as a job.
import type { Core } from '../core/core';
import { handOver } from '../core/hq/owners';
import type { Handler } from './dispatch';
import type { hqAdminOps } from '../../shared/contract/hq-admin-ops';
import { enrolAuditor, revokeAuditor } from '../core/hq/enrol';
import { initHqKey } from '../core/hq/keys';
import { hqFor, hqStatus, importPaths } from '../core/hq/service';
import { startJob } from './start-job';

type HqAdminHandlers = { [K in keyof typeof hqAdminOps]: Handler<K, Core> };

export const hqAdminHandlers: HqAdminHandlers = {
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
