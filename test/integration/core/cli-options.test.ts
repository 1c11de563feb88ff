// Each command reads only its own options: an unknown one is refused with
// the valid ones listed, a missing one names itself, --help shows them, and
// an HQ database URL is never taken for a folder or a file: a PostgreSQL URL
// needs HQ's folder beside it, any other kind is refused.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../../electron/cli/main';
import type { Io } from '../../../electron/cli/io';

const dir = mkdtempSync(join(tmpdir(), 'fairsite-cli-opts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), env: { FAIRSITE_PASSPHRASE: 'orchid lantern basalt meadow' } };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('command options', { timeout: 60_000 }, () => {
  it('an unknown option is refused with the valid ones listed', async () => {
    const r = await cli('audits', 'list', '--data', join(dir, 'a'), '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/fairsite audits list: unknown option '--frobnicate'/);
    expect(r.err).toMatch(/Valid options: --data DIR, --json, --help\./);
    expect(r.err).toMatch(/See: fairsite audits list --help/);
  });

  it('a missing required option or argument names itself', async () => {
    const r = await cli('report', '--data', join(dir, 'a'), '--audit', 'x');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out FILE\.pdf is required/);
    expect(r.err).toMatch(/Usage: fairsite report --audit ID --out FILE\.pdf \[--draft\] \[--data DIR\]/);
    const v = await cli('template', 'validate');
    expect(v.err).toMatch(/FILE is missing/);
    const both = await cli('bundle', 'export', '--data', join(dir, 'a'), '--all', '--audit', 'x', '--out', 'b.fsb');
    expect(both.err).toMatch(/give exactly one of --audit and --all/);
  });

  it('--help shows a command\'s options', async () => {
    const r = await cli('hq', 'import', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: fairsite hq import \[--data HQ_DIR\] \[--db HQ_DIR\/hq\.db\|postgres:\/\/…\] FILE\|FOLDER…/);
    expect(r.out).toMatch(/--db HQ_DIR\/hq\.db\|postgres:\/\/…\s+HQ's database: its SQLite file \(the default\), or a PostgreSQL server/);
    const all = await cli('--help');
    expect(all.out).toMatch(/fairsite profile set/);
  });

  it('hq --db: a server URL is never taken for a file; PostgreSQL needs HQ\'s folder, other servers are refused', async () => {
    const hq = join(dir, 'hq');
    const init = await cli('hq', 'init', '--db', 'postgres://hq@localhost/fairsite');
    expect(init.code).toBe(1);
    expect(init.err).toMatch(/With HQ's database on PostgreSQL \(--db postgres:\/\/hq@localhost\/fairsite\), give HQ's folder too: --data HQ_DIR/);
    expect(init.err).toMatch(/To fix: fairsite hq init --help/);
    const imp = await cli('hq', 'import', '--db', 'postgresql://hq@localhost/fairsite', join(dir, 'none.fsb'));
    expect(imp.err).toMatch(/give HQ's folder too/);
    expect(imp.err).not.toMatch(/no file or folder/);
    const mysql = await cli('hq', 'status', '--db', 'mysql://hq@localhost/fairsite');
    expect(mysql.err).toMatch(/mysql is not supported/);
    const other = await cli('hq', 'status', '--db', join(hq, 'other.sqlite'));
    expect(other.err).toMatch(/is the file hq\.db in its folder/);
    const ok = await cli('hq', 'init', '--db', join(hq, 'hq.db'));
    expect(ok.code).toBe(0);
    expect(existsSync(join(hq, 'hq.db'))).toBe(true);
  });
});
