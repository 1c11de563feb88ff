// Waiting for a job (export, upload, import) the same way on every
// transport: poll jobs.get, report progress, resolve with its result.
import { AppError } from '../../../shared/errors';
import type { Client } from '../../../shared/contract/client';

export async function waitForJob(client: Client, jobId: string, onProgress?: (fraction: number, message: string) => void, pollMs = 150): Promise<unknown> {
  for (;;) {
    const job = await client.call('jobs.get', { id: jobId });
    if (job.state === 'done') return job.result;
    if (job.state === 'failed') throw new AppError((job.error?.code ?? 'internal') as never, job.error?.message ?? 'The job failed.');
    onProgress?.(job.progress, job.message);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export const megabytes = (n: number): string => (n < 1e6 ? `${Math.max(1, Math.round(n / 1e3))} kB` : `${(n / 1e6).toFixed(n < 1e7 ? 2 : 1)} MB`);
