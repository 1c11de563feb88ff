// Each command declares its options; node:util's parseArgs reads them
// strictly, so an unknown option or a missing value is refused with the
// valid ones listed instead of being taken for something else.
import { parseArgs as parseNodeArgs } from 'node:util';
import { AppError } from '../../shared/errors';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the value stands for in the usage line (string options), e.g. DIR. */
  value?: string;
  help: string;
  required?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface PositionalSpec {
  /** Names for the usage line; the last one ends in … when it takes several. */
  names: string[];
  min: number;
  max: number;
}

export interface Args {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** A usage error: what was wrong, and the command whose --help says how (exit code 2). */
export class UsageError extends AppError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}

export const DATA: OptionSpec = { type: 'string', value: 'DIR', help: 'the data folder (default: FAIRSITE_DATA, then the app\'s folder)' };
export const JSON_OUT: OptionSpec = { type: 'boolean', help: 'print JSON instead of lines' };
export const HELP: OptionSpec = { type: 'boolean', help: 'show this help' };

const dashed = (name: string, o: OptionSpec) => `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;

export function usageLine(words: string[], options: OptionSpecs, positionals?: PositionalSpec, oneOf?: string[]): string {
  const parts = ['fairsite', ...words];
  if (oneOf?.length) parts.push(`(${oneOf.map((n) => dashed(n, options[n]!)).join(' | ')})`);
  for (const [n, o] of Object.entries(options)) {
    if (n === 'help' || oneOf?.includes(n)) continue;
    parts.push(o.required ? dashed(n, o) : `[${dashed(n, o)}]`);
  }
  positionals?.names.forEach((p, i) => parts.push(i < positionals.min ? p : `[${p}]`));
  return parts.join(' ');
}

export function parseArgs(argv: readonly string[], options: OptionSpecs, positionals: PositionalSpec = { names: [], min: 0, max: 0 }, oneOf?: string[]): Args {
  const node = Object.fromEntries(Object.entries({ ...options, help: HELP }).map(([n, o]) => [n, { type: o.type }]));
  let parsed;
  try {
    parsed = parseNodeArgs({ args: [...argv], options: node, strict: true, allowPositionals: true });
  } catch (err) {
    const why = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '.').replace(/^Unknown option/, 'unknown option');
    const valid = Object.entries(options).map(([n, o]) => dashed(n, o)).join(', ') || 'none';
    throw new UsageError(`${why} Valid options: ${valid}, --help.`);
  }
  const flags = new Map<string, string | true>();
  for (const [k, v] of Object.entries(parsed.values)) {
    if (typeof v === 'string') flags.set(k, v);
    else if (v === true) flags.set(k, true);
  }
  const args = { positionals: parsed.positionals, flags };
  if (flags.has('help')) return args;
  for (const [n, o] of Object.entries(options)) {
    if (o.required && !flags.has(n)) throw new UsageError(`${dashed(n, o)} is required.`);
  }
  if (oneOf?.length && oneOf.filter((n) => flags.has(n)).length !== 1) {
    throw new UsageError(`give exactly one of ${oneOf.map((n) => `--${n}`).join(' and ')}.`);
  }
  const n = args.positionals.length;
  if (n < positionals.min) throw new UsageError(`${positionals.names[n] ?? 'an argument'} is missing.`);
  if (n > positionals.max) throw new UsageError(`unexpected argument "${args.positionals[positionals.max]}".`);
  return args;
}

export function flag(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
