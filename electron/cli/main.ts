// `fairsite`: finds the command named by the leading words and runs it.
// Commands hold no logic of their own; they call the core's operations.
import { AppError } from '../../shared/errors';
import { parseArgs } from './args';
import { commands, type Command } from './commands/index';
import { processIo, type Io } from './io';

function usage(io: Io, to: 'out' | 'err'): void {
  io[to]('Usage:');
  for (const c of commands) io[to](`  ${c.usage.padEnd(48)} ${c.summary}`);
  io[to]('Data folder: --data DIR, or FAIRSITE_DATA; the key passphrase comes from FAIRSITE_PASSPHRASE.');
}

export function findCommand(positionals: readonly string[]): Command | undefined {
  return [...commands]
    .sort((a, b) => b.words.length - a.words.length)
    .find((c) => c.words.every((w, i) => positionals[i] === w));
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const args = parseArgs(argv);
  if (!args.positionals.length || args.flags.has('help') || args.positionals[0] === 'help') {
    usage(io, args.positionals.length || args.flags.has('help') ? 'out' : 'err');
    return args.positionals.length || args.flags.has('help') ? 0 : 2;
  }
  const cmd = findCommand(args.positionals);
  if (!cmd) {
    io.err(`Unknown command: ${args.positionals.join(' ')}`);
    usage(io, 'err');
    return 2;
  }
  try {
    return await cmd.run({ ...args, positionals: args.positionals.slice(cmd.words.length) }, io);
  } catch (err) {
    if (err instanceof AppError) {
      io.err(`Error: ${err.message}`);
      for (const f of err.fields ?? []) io.err(`  ${f.path}: ${f.message}`);
      return 1;
    }
    io.err(`Error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return 1;
  }
}
