import type { z } from 'zod';

/** One operation of the contract: its input and output schemas. */
export interface OpSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Long work: the operation returns a job id at once; poll `jobs.get`. */
  job?: boolean;
  summary: string;
}

export const op = <I extends z.ZodType, O extends z.ZodType>(spec: OpSpec<I, O>): OpSpec<I, O> => spec;
