// Long work (reports, bundles, uploads, imports) runs as a job: the op
// returns an id at once and every transport polls `jobs.get`.
import { AppError } from '../../shared/errors';
import { uuidv7 } from '../../shared/ids';
import { type Message, msg } from '../../shared/messages';
import { coreEnglish, refusal } from '../../shared/core-messages';

export type JobState = 'running' | 'done' | 'failed';

export interface JobInfo {
  id: string;
  kind: string;
  state: JobState;
  progress: number;
  /** In English (the command line); `text` says the same in the reader's language when the core gave it as a message. */
  message: string;
  text?: Message;
  result?: unknown;
  error?: { code: string; message: string; text?: Message };
}

/** A step's name as a message (said in the UI's language), or English text as written. */
export type Progress = (fraction: number, message?: string | Message) => void;

const KEEP_FINISHED = 200;

export class JobRegistry {
  private jobs = new Map<string, JobInfo>();

  start(kind: string, fn: (progress: Progress) => Promise<unknown> | unknown): string {
    const job: JobInfo = { id: uuidv7(), kind, state: 'running', progress: 0, message: '' };
    this.jobs.set(job.id, job);
    const progress: Progress = (fraction, message) => {
      if (job.state !== 'running') return;
      job.progress = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
      if (typeof message === 'string') {
        job.message = message;
        delete job.text;
      } else if (message !== undefined) {
        job.message = coreEnglish(message);
        job.text = message;
      }
    };
    // Run after the caller has the id, so a fast job is still observed through jobs.get.
    void Promise.resolve()
      .then(() => fn(progress))
      .then(
        (result) => Object.assign(job, { state: 'done', progress: 1, result }),
        (err: unknown) => Object.assign(job, {
          state: 'failed',
          error: err instanceof AppError
            ? { code: err.code, message: err.message, ...(err.text ? { text: err.text } : {}) }
            : { code: 'internal', message: err instanceof Error ? err.message : String(err) },
        }),
      )
      .finally(() => this.prune());
    return job.id;
  }

  get(id: string): JobInfo {
    const job = this.jobs.get(id);
    if (!job) throw refusal('not_found', msg('job.missing'));
    return { ...job };
  }

  /** Resolves when the job has finished (tests and the command line). */
  async wait(id: string, pollMs = 20): Promise<JobInfo> {
    for (;;) {
      const j = this.get(id);
      if (j.state !== 'running') return j;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.id);
  }
}
