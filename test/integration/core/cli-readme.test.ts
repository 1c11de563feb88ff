// The README's command list, run as written, in order, on fresh folders: a
// newcomer who copies it line by line gets a signed report and an HQ that
// holds the audits. And the path without a passphrase says what it did not
// do and which command does it.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'electron/cli/bin.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'fairsite-readme-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Run = { code: number; stdout: string; stderr: string };
function run(args: string[], env: Record<string, string>, cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { ...process.env, FAIRSITE_DATA: '', FAIRSITE_PASSPHRASE: '', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

/** The first sh block after "## Command line": one command per line, comments dropped. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Command line'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean);
}

/** Shell words: spaces split, double quotes group. */
const words = (line: string): string[] => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

describe('the README command list', { timeout: 240_000 }, () => {
  it('runs in order on a fresh data folder, each command exiting 0', async () => {
    const commands = readmeCommands();
    expect(commands.length).toBeGreaterThanOrEqual(10);
    const cwd = mkdtempSync(join(tmp, 'work-'));
    const vars: Record<string, string> = { DIR: join(cwd, 'laptop'), HQ_DIR: join(cwd, 'hq') };
    const env = { FAIRSITE_PASSPHRASE: 'orchid lantern basalt meadow' };
    for (const line of commands) {
      const argv = words(line);
      expect(argv[0], line).toBe('fairsite');
      const filled = argv.slice(1).map((w) => w
        .replace(/^assets\//, join(root, 'assets/'))
        .replace(/^HQ_DIR\b/, vars.HQ_DIR!).replace(/^DIR\b/, vars.DIR!)
        .replace(/^ID$/, vars.ID ?? 'ID'));
      const r = await run(filled, env, cwd);
      expect({ line, code: r.code, stderr: r.stderr }).toEqual({ line, code: 0, stderr: expect.any(String) });
      if (line.includes('audits list') && line.includes('--json')) {
        vars.ID = (JSON.parse(r.stdout) as Array<{ id: string; status: string }>).find((a) => a.status === 'finalized')!.id;
      }
    }
    expect(existsSync(join(cwd, 'report.pdf'))).toBe(true);
    const status = await run(['hq', 'status', '--data', vars.HQ_DIR!, '--json'], env, cwd);
    expect((JSON.parse(status.stdout) as { audits: unknown[] }).audits).toHaveLength(3);
  });

  it('without a passphrase: the demo says it made no key and how to make one; report names the command that fixes it', async () => {
    const cwd = mkdtempSync(join(tmp, 'nopass-'));
    const data = join(cwd, 'laptop');
    const demo = await run(['demo', '--data', data], {}, cwd);
    expect(demo.code).toBe(0);
    expect(demo.stderr).toMatch(/No auditor profile and no signing key were made/);
    expect(demo.stderr).toContain(`fairsite profile set --data ${data}`);
    const list = JSON.parse((await run(['audits', 'list', '--data', data, '--json'], {}, cwd)).stdout) as Array<{ id: string; status: string }>;
    const id = list.find((a) => a.status === 'finalized')!.id;
    const refused = await run(['report', '--data', data, '--audit', id, '--out', 'r.pdf'], {}, cwd);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/To fix: FAIRSITE_PASSPHRASE=… fairsite report/);
    const env = { FAIRSITE_PASSPHRASE: 'orchid lantern basalt meadow' };
    const noProfile = await run(['report', '--data', data, '--audit', id, '--out', 'r.pdf'], env, cwd);
    expect(noProfile.code).toBe(1);
    expect(noProfile.stderr).toMatch(/Save your profile first/);
    expect(noProfile.stderr).toContain(`To fix: fairsite profile set --data ${data} --name NAME`);
    const shown = await run(['profile', 'show', '--data', data], {}, cwd);
    expect(shown.stdout).toMatch(/No profile yet/);
    const set = await run(['profile', 'set', '--data', data, '--name', 'Ana Reyes', '--organisation', 'Reyes Audits', '--email', 'ana@example.org', '--auditor-id', 'AR-1'], env, cwd);
    expect(set.stderr).toBe('');
    expect(set.stdout).toMatch(/Profile saved: Ana Reyes \(AR-1\), signing key [0-9a-f]{4} [0-9a-f]{4}/);
    const renamed = await run(['profile', 'set', '--data', data, '--organisation', 'Reyes & Co'], {}, cwd);
    expect(renamed.code).toBe(0);
    expect((await run(['profile', 'show', '--data', data], {}, cwd)).stdout).toMatch(/Ana Reyes \(AR-1\), Reyes & Co, ana@example.org/);
    const made = await run(['report', '--data', data, '--audit', id, '--out', 'r.pdf'], env, cwd);
    expect(made.stdout).toMatch(/Signed report/);
  });
});
