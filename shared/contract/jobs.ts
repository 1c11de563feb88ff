// Waiting for a long job (report, bundle, upload, import) the same way on
// every transport: poll jobs.get, report progress, resolve with its result.
import { AppError, type ErrorCode } from '../errors';
import type { OpInput, OpOutput } from './index';

type JobCall = (op: 'jobs.get', input: OpInput<'jobs.get'>) => Promise<OpOutput<'jobs.get'>>;

export interface WaitOptions {
  onProgress?: (fraction: number, message: string) => void;
  pollMs?: number;
  /** Stops polling (e.g. the screen closed); the wait then rejects. */
  cancelled?: () => boolean;
}

export async function waitForJob(call: JobCall, jobId: string, opts: WaitOptions = {}): Promise<unknown> {
  for (;;) {
    if (opts.cancelled?.()) throw new AppError('conflict', 'Stopped waiting for the job.');
    const job = await call('jobs.get', { id: jobId });
    if (job.state === 'done') return job.result;
    if (job.state === 'failed') throw new AppError((job.error?.code ?? 'internal') as ErrorCode, job.error?.message ?? 'The job failed.');
    opts.onProgress?.(job.progress, job.message);
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 150));
  }
}
