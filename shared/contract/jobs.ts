// Waiting for a long job (report, bundle, upload, import) the same way on
// every transport: poll jobs.get, report progress, resolve with its result,
// checked against the result schema the operation declares.
import type { z } from 'zod';
import { AppError, type ErrorCode } from '../errors';
import type { Message } from '../messages';
import { contract, type JobOpName, type JobResult, type OpInput, type OpOutput } from './index';

type JobCall = (op: 'jobs.get', input: OpInput<'jobs.get'>) => Promise<OpOutput<'jobs.get'>>;

export interface WaitOptions {
  /** `message` in English; `text` the same step as a message when the core gave one (the UI says it). */
  onProgress?: (fraction: number, message: string, text?: Message) => void;
  pollMs?: number;
  /** Stops polling (e.g. the screen closed); the wait then rejects. */
  cancelled?: () => boolean;
}

/** Waits for the job that `op` started; its result is typed (and checked) by the operation's `job` schema. */
export async function waitForJob<K extends JobOpName>(call: JobCall, op: K, jobId: string, opts: WaitOptions = {}): Promise<JobResult<K>> {
  const result: z.ZodType | undefined = contract[op].job;
  if (!result) throw new AppError('internal', `${op} does not start a job.`);
  for (;;) {
    if (opts.cancelled?.()) throw new AppError('conflict', 'Stopped waiting for the job.');
    const job = await call('jobs.get', { id: jobId });
    if (job.state === 'done') return result.parse(job.result) as JobResult<K>;
    if (job.state === 'failed') throw new AppError((job.error?.code ?? 'internal') as ErrorCode, job.error?.message ?? 'The job failed.', undefined, undefined, job.error?.text);
    opts.onProgress?.(job.progress, job.message, job.text);
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 150));
  }
}
