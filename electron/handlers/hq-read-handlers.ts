// Handlers of HQ's read operations. They work on the HQ folder inside the
// data folder (DATA/hq) and only once it exists: a laptop that never
// imported a bundle has no headquarters to read, and reading never makes one.
import { startJob } from './start-job';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Core } from '../core/core';
import type { Handler } from './dispatch';
import type { hqReadOps } from '../../shared/contract/hq-read-ops';
import { hqFor } from '../core/hq/service';
import { hqDatabaseUrl } from '../core/hq/engine/db-setting';
import { hqPaths, type Hq } from '../core/hq/context';
import { listHqAudits } from '../core/hq/read/audits';
import { getHqAudit } from '../core/hq/read/audit-detail';
import { listHqSites } from '../core/hq/read/sites';
import { trackHq } from '../core/hq/read/tracker';
import { hqDashboard } from '../core/hq/read/dashboard';
import { diffVersions } from '../core/hq/read/diff';
import { hqLabels } from '../core/hq/read/labels';
import { listHandovers } from '../core/hq/read/handovers';
import { exportHq, exportsDir } from '../core/hq/read/export';
import { hqEvidenceFile, hqPhoto, hqReport } from '../core/hq/read/files';
import { checkFilter, filterOptions } from '../core/hq/read/filter-values';
import { refusal } from '../../shared/core-messages';
import { msg } from '../../shared/messages';

type HqReadHandlers = { [K in keyof typeof hqReadOps]: Handler<K, Core> };

/** The HQ of this data folder, if it has one. */
async function existingHq(core: Core): Promise<Hq> {
  // On PostgreSQL the screens read the replica hqFor opens (and fills) in the folder.
  if (!hqDatabaseUrl(core) && !existsSync(hqPaths(join(core.dataDir, 'hq')).database)) {
    throw refusal('not_ready', msg('hqRead.empty'));
  }
  return hqFor(core);
}

const bytes = (contentType: string, body: Buffer) => ({ contentType, base64: body.toString('base64'), bytes: body.length });

export const hqReadHandlers: HqReadHandlers = {
  'hq.filterOptions': async (_input, core) => filterOptions((await existingHq(core)).db),
  'hq.audits': async (input, core) => {
    const { db } = await existingHq(core);
    checkFilter(db, input.filter);
    return listHqAudits(db, input);
  },
  'hq.audit': async (ref, core) => getHqAudit((await existingHq(core)).db, ref),
  'hq.handovers': async (input, core) => listHandovers((await existingHq(core)).db, input),
  'hq.sites': async (input, core) => {
    const { db } = await existingHq(core);
    checkFilter(db, { client: input.filter.client, country: input.filter.country });
    return listHqSites(db, input);
  },
  'hq.tracker': async (input, core) => {
    const { db } = await existingHq(core);
    checkFilter(db, input.filter);
    return trackHq(db, input);
  },
  'hq.dashboard': async (input, core) => {
    const { db } = await existingHq(core);
    checkFilter(db, input.filter);
    return hqDashboard(db, input);
  },
  'hq.labels': async (input, core) => hqLabels((await existingHq(core)).db, input),
  'hq.diff': async ({ from, to }, core) => diffVersions((await existingHq(core)).db, from, to),
  'hq.export': async (input, core) => {
    const hq = await existingHq(core);
    if (input.what !== 'audit') checkFilter(hq.db, input.filter);
    // An audit that is not there is said at once, not as a failed job.
    if (input.what === 'audit' && !hq.db.prepare('SELECT 1 FROM hq_audit WHERE audit_id = ?').get(input.auditId)) {
      throw refusal('not_found', msg('hqRead.noAudit', { audit: input.auditId }));
    }
    return startJob(core, 'hq.export', (progress) => exportHq(hq, input, { progress }));
  },
  'hq.exportRead': async ({ name }, core) => {
    const hq = await existingHq(core);
    try {
      const body = await readFile(join(exportsDir(hq), name));
      const type = name.endsWith('.csv') ? 'text/csv' : name.endsWith('.json') ? 'application/json' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return { name, ...bytes(type, body) };
    } catch {
      throw refusal('not_found', msg('hqRead.noExport', { name }));
    }
  },
  'hq.photo': async ({ sha256, size }, core) => {
    const f = await hqPhoto(await existingHq(core), sha256, size);
    return bytes(f.contentType, f.body);
  },
  'hq.closureFile': async ({ sha256 }, core) => {
    const f = await hqEvidenceFile(await existingHq(core), sha256);
    return { ...bytes(f.contentType, f.body), name: f.name };
  },
  'hq.report': async ({ sha256 }, core) => {
    const f = await hqReport(await existingHq(core), sha256);
    return { ...bytes(f.contentType, f.body), auditId: f.auditId, verified: f.verified };
  },
};
