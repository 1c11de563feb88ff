// Waiting for a long job (report, bundle, upload, import) the same way on
// every transport: poll jobs.get, report progress, resolve with its result,
// checked against the result schema the operation declares.
import type { z } from 'zod';
import { AppError, type ErrorCode } from '../errors';
import { msg, type Message } from '../messages';
import { coreEnglish, refusal } from '../core-messages';
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
  if (!result) throw refusal('internal', msg('job.notAJob', { op }));
  for (;;) {
    if (opts.cancelled?.()) throw refusal('conflict', msg('job.stopped'));
    const job = await call('jobs.get', { id: jobId });
    if (job.state === 'done') return result.parse(job.result) as JobResult<K>;
    if (job.state === 'failed') {
      // A job that failed without saying why still says so in the UI's language.
      const text = job.error?.text ?? (job.error?.message ? undefined : msg('job.failed'));
      throw new AppError((job.error?.code ?? 'internal') as ErrorCode, job.error?.message ?? coreEnglish(text!), undefined, undefined, text);
    }
    opts.onProgress?.(job.progress, job.message, job.text);
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 150));
  }
}
