// Job operations declare their result in the contract; the waiter returns it
// typed and refuses a result of another shape.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { contract, OP_NAMES, type OpOutput } from '../../../shared/contract/index';
import { waitForJob } from '../../../shared/contract/jobs';
import type { ReportExportResult } from '../../../shared/domain/report';
import type { ImportResult } from '../../../shared/domain/sync';

const done = (result: unknown) => async (): Promise<OpOutput<'jobs.get'>> => ({ id: 'j', kind: 'k', state: 'done', progress: 1, message: '', result });

describe('job results', () => {
  it('every operation that returns a job id declares the result of its job', () => {
    const starters = OP_NAMES.filter((k) => {
      const out: z.ZodType = contract[k].output;
      return out instanceof z.ZodObject && Object.keys(out.shape).join() === 'jobId';
    });
    expect(starters.length).toBeGreaterThanOrEqual(4);
    for (const k of starters) expect(contract[k].job, k).toBeDefined();
  });

  it('waitForJob returns the declared result type', async () => {
    const r = await waitForJob(done({ path: '/r.pdf', name: 'r.pdf', pages: 3, bytes: 1000, signed: false, warnings: [] }), 'report.export', 'j');
    expectTypeOf(r).toEqualTypeOf<ReportExportResult>();
    expect(r.pages).toBe(3);
    const imported = await waitForJob(done([{ file: 'a.fsb', status: 'imported', message: 'ok' }]), 'hq.import', 'j');
    expectTypeOf(imported).toEqualTypeOf<ImportResult[]>();
  });

  it('a result of another shape is refused, not passed on as if it were right', async () => {
    await expect(waitForJob(done({ path: '/r.pdf' }), 'report.export', 'j')).rejects.toThrow(/pages|expected/i);
    await expect(waitForJob(done({ file: 'a.fsb' }), 'hq.import', 'j')).rejects.toThrow();
  });

  it('a failed job rejects with its error code', async () => {
    const failed = async (): Promise<OpOutput<'jobs.get'>> => ({ id: 'j', kind: 'k', state: 'failed', progress: 0, message: '', error: { code: 'rejected', message: 'bad bundle' } });
    await expect(waitForJob(failed, 'hq.import', 'j')).rejects.toMatchObject({ code: 'rejected', message: 'bad bundle' });
  });
});
