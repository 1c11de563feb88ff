import type { Args } from '../args';
import type { Io } from '../io';

export interface Command {
  /** The words that name it, e.g. ['audits', 'list']. */
  words: string[];
  usage: string;
  summary: string;
  /** Returns the exit code. */
  run(args: Args, io: Io): Promise<number>;
}
