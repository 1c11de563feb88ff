import type { Args, OptionSpecs, PositionalSpec } from '../args';
import type { Io } from '../io';

export interface Command {
  /** The words that name it, e.g. ['audits', 'list']. */
  words: string[];
  summary: string;
  /** Its options: anything else is refused (--help is always there). */
  options: OptionSpecs;
  /** Its arguments after the words; none when absent. */
  positionals?: PositionalSpec;
  /** Exactly one of these options must be given. */
  oneOf?: string[];
  /** Returns the exit code. */
  run(args: Args, io: Io): Promise<number>;
}
