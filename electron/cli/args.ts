// A small argument parser: positionals, `--flag`, `--name value`, `--name=value`.
export interface Args {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Options that take a value; every other `--x` is a boolean flag. */
const VALUED = new Set(['data', 'out', 'to', 'from', 'key', 'url', 'passphrase-file', 'audit', 'site', 'name', 'auditor-id', 'fingerprint', 'recipient', 'kind', 'auth', 'user', 'reason',
  'what', 'format', 'client', 'country', 'auditor', 'band', 'status']);

export function parseArgs(argv: readonly string[], valued: ReadonlySet<string> = VALUED): Args {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 2) flags.set(a.slice(2, eq), a.slice(eq + 1));
      else if (valued.has(a.slice(2)) && i + 1 < argv.length) flags.set(a.slice(2), argv[++i]!);
      else flags.set(a.slice(2), true);
    } else positionals.push(a);
  }
  return { positionals, flags };
}

export function flag(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
