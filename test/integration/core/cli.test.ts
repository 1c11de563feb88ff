// The `fairsite` command as a user runs it: a child process, real files.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureTemplate } from './helpers/template-fixture';

const bin = fileURLToPath(new URL('../../../electron/cli/bin.mjs', import.meta.url));
const builtIn = fileURLToPath(new URL('../../../assets/templates/bpo-ethical-compliance.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fairsite-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, FAIRSITE_DATA: '', FAIRSITE_PASSPHRASE: 'cli test pass phrase' } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('fairsite command', { timeout: 90_000 }, () => {
  it('template validate: exit 0 for the built-in template', async () => {
    const r = await run('template', 'validate', builtIn);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid — "BPO site ethical compliance"/);
  });

  it('template validate: exit 1 and every error by its path', async () => {
    const t = fixtureTemplate() as unknown as { sections: Array<{ items: Array<Record<string, unknown>> }>; version: string };
    t.version = 'one';
    t.sections[1]!.items[2]!.kind = 'checkbox';
    delete t.sections[2]!.items[0]!.prompt;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(t, null, 2));
    const r = await run('template', 'validate', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^\s+version: /m);
    expect(r.stderr).toMatch(/^\s+sections\[1\]\.items\[2\]\.kind: /m);
    expect(r.stderr).toMatch(/^\s+sections\[2\]\.items\[0\]\.prompt: /m);
  });

  it('template validate: a missing file is a usage error', async () => {
    const r = await run('template', 'validate', join(dir, 'nope.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot read/);
  });

  it('demo, then audits list --json', async () => {
    const data = join(dir, 'data');
    const demo = await run('demo', '--data', data);
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/Demo ready in .*: 3 audits/);
    const list = await run('audits', 'list', '--data', data, '--json');
    expect(list.code).toBe(0);
    const audits = JSON.parse(list.stdout) as Array<{ id: string; status: string; kind: string; followUpOf: string | null; siteName: string; findings: number; answered: number; total: number; clients: string[] }>;
    expect(audits.map((a) => `${a.kind} ${a.status}`).sort()).toEqual(['follow_up finalized', 'full finalized', 'full in_progress']);
    for (const a of audits) {
      expect(a.siteName).toBe('Northwind Contact Centre, Cebu');
      // The follow-up answers only what it re-audits.
      if (a.kind === 'full') expect(a.answered).toBeGreaterThan(0);
    }
    const done = audits.find((a) => a.status === 'finalized' && a.kind === 'full')!;
    expect(audits.find((a) => a.kind === 'follow_up')!.followUpOf).toBe(done.id);
    expect(done.answered).toBe(done.total);
    expect(done.findings).toBeGreaterThanOrEqual(3);
    const text = await run('audits', 'list', '--data', data);
    expect(text.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('unknown commands and bad data folders fail with a message', async () => {
    const r = await run('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown command: fairsite frobnicate/);
    const notDb = join(dir, 'notdb');
    const mk = await run('audits', 'list', '--data', notDb);
    expect(mk.code).toBe(0); // a new folder is created with an empty database
    writeFileSync(join(notDb, 'fairsite.db'), 'not a database at all'.repeat(100));
    const bad = await run('audits', 'list', '--data', join(dir, 'notdb'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/cannot be used/);
  });
});
