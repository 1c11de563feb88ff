// The one contract: operation name → input and output schemas. The preload,
// the IPC and HTTP handlers and the renderer's client all derive from it.
// Each domain adds its table here.
import type { z } from 'zod';
import { coreOps } from './core-ops';
import { evidenceOps } from './evidence-ops';
import { signedReportOps } from './signed-report-ops';
import { outboxOps } from './outbox-ops';
import { syncOps } from './sync-ops';
import { hqAdminOps } from './hq-admin-ops';
import { keysOps } from './keys-ops';
import { auditProfileOps } from './audit-profile-ops';
import { dialogOps } from './dialog-ops';
import { followupOps } from './followup-ops';
import { installOps } from './install-ops';
import { hqInboxOps } from './hq-inbox-ops';
import { hqDatabaseOps } from './hq-database-ops';
import { hqReadOps } from './hq-read-ops';
import { hqConfigOps } from './hq-config-ops';

export const contract = {
  ...coreOps,
  ...evidenceOps,
  ...signedReportOps,
  ...outboxOps,
  ...syncOps,
  ...hqAdminOps,
  ...keysOps,
  ...auditProfileOps,
  ...dialogOps,
  ...followupOps,
  ...installOps,
  ...hqInboxOps,
  ...hqDatabaseOps,
  ...hqReadOps,
  ...hqConfigOps,
};

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsed<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;
/** Operations that start a job, and the result each job ends with. */
export type JobOpName = { [K in OpName]: [NonNullable<Contract[K]['job']>] extends [never] ? never : K }[OpName];
export type JobResult<K extends JobOpName> = z.output<NonNullable<Contract[K]['job']>>;
export const OP_NAMES = Object.keys(contract) as OpName[];
export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
