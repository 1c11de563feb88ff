// What a command may touch: its output streams and the core through the
// contract's client over the same dispatch every other transport uses (so
// inputs are validated alike).
import { openCore, type Core } from '../core/core';
import { envPassphraseBox } from '../core/keys/secret-box';
import { resolveDataDir } from '../core/paths';
import { createDispatch } from '../handlers/dispatch';
import { handlers } from '../handlers/index';
import { createClient, type Client } from '../../shared/contract/client';
import { flag, type Args } from './args';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
};

export type Call = Client['call'];

export function dataDirOf(args: Args, io: Io): string {
  const d = flag(args, 'data');
  return resolveDataDir(d ? ['--data', d] : [], io.env);
}

/** Opens the core for one command and closes it afterwards, whatever happens. */
export async function withCore<T>(args: Args, io: Io, fn: (call: Call, core: Core) => Promise<T>): Promise<T> {
  const core = await openCore({ dataDir: dataDirOf(args, io), secretBox: envPassphraseBox(io.env) });
  const dispatch = createDispatch(handlers, core, (op, err) => io.err(`${op}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`));
  const client = createClient((op, input) => dispatch(op, input));
  try {
    return await fn(client.call, core);
  } finally {
    core.close();
  }
}
