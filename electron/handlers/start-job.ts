// Starting the job of a job operation: the result the work returns must be
// the one the contract declares for it (OpSpec.job), checked by the compiler.
import type { Core } from '../core/core';
import type { Progress } from '../core/jobs';
import type { JobOpName, JobResult } from '../../shared/contract/index';

export function startJob<K extends JobOpName>(core: Core, op: K, work: (progress: Progress) => Promise<JobResult<K>>): { jobId: string } {
  return { jobId: core.jobs.start(op, work) };
}
