// `fairsite`: finds the command named by the leading words, reads its
// options strictly, and runs it. Commands hold no logic of their own; they
// call the core's operations.
import { AppError } from '../../shared/errors';
import { HELP, parseArgs, UsageError, usageLine, type Args } from './args';
import { commands, type Command } from './commands/index';
import { fixFor } from './hints';
import { processIo, type Io } from './io';

const usageOf = (c: Command): string => usageLine(c.words, c.options, c.positionals, c.oneOf);

function listCommands(io: Io, to: 'out' | 'err'): void {
  io[to]('Usage: fairsite COMMAND [options]   (fairsite COMMAND --help for its options)');
  for (const c of commands) io[to](`  ${`fairsite ${c.words.join(' ')}`.padEnd(26)} ${c.summary}`);
  io[to]('Data folder: --data DIR, or FAIRSITE_DATA; the key passphrase comes from FAIRSITE_PASSPHRASE (or is asked in a terminal).');
}

function commandHelp(io: Io, c: Command): void {
  io.out(`Usage: ${usageOf(c)}`);
  io.out(c.summary);
  const rows = Object.entries({ ...c.options, help: HELP }).map(([n, o]) => [`--${n}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`, `${o.help}${o.required ? ' (required)' : ''}`] as const);
  io.out('Options:');
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, h] of rows) io.out(`  ${k.padEnd(width)}  ${h}`);
}

export function findCommand(positionals: readonly string[]): Command | undefined {
  return [...commands]
    .sort((a, b) => b.words.length - a.words.length)
    .find((c) => c.words.every((w, i) => positionals[i] === w));
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const firstOption = argv.findIndex((a) => a.startsWith('-'));
  const words = firstOption < 0 ? argv : argv.slice(0, firstOption);
  if (!argv.length || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    listCommands(io, argv.length ? 'out' : 'err');
    return argv.length ? 0 : 2;
  }
  const cmd = findCommand(words);
  if (!cmd) {
    io.err(`Unknown command: fairsite ${words.join(' ') || argv[0]}`);
    listCommands(io, 'err');
    return 2;
  }
  const name = `fairsite ${cmd.words.join(' ')}`;
  let args: Args = { positionals: [], flags: new Map() };
  try {
    args = parseArgs(argv.slice(cmd.words.length), cmd.options, cmd.positionals, cmd.oneOf);
    if (args.flags.has('help')) {
      commandHelp(io, cmd);
      return 0;
    }
    return await cmd.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${name}: ${err.message}`);
      io.err(`Usage: ${usageOf(cmd)}`);
      io.err(`See: ${name} --help`);
      return 2;
    }
    if (err instanceof AppError) {
      io.err(`Error: ${err.message}`);
      for (const f of err.fields ?? []) io.err(`  ${f.path}: ${f.message}`);
      io.err(`To fix: ${fixFor(err, cmd, args)}`);
      return 1;
    }
    io.err(`Error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return 1;
  }
}
