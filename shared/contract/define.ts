import type { z } from 'zod';

/** One operation of the contract: its input and output schemas. */
export interface OpSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /**
   * Long work: the operation returns a job id at once (poll `jobs.get`);
   * this is the schema of the job's result (waitForJob checks it).
   */
  job?: R;
  summary: string;
}

export const op = <I extends z.ZodType, O extends z.ZodType, R extends z.ZodType = never>(spec: OpSpec<I, O, R>): OpSpec<I, O, R> => spec;
