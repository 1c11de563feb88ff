// `fairsite report` run as a real process on a data folder made by `fairsite demo`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfsig, tempDir } from './tools';

const BIN = join(process.cwd(), 'electron/cli/bin.mjs');

function fairsite(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, FAIRSITE_PASSPHRASE: '', ...env }, input: '' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('fairsite report', () => {
  const dir = tempDir();
  const data = join(dir, 'data');
  const pass = { FAIRSITE_PASSPHRASE: 'cli pass phrase' };
  let finalized = '';
  let open = '';

  beforeAll(() => {
    expect(fairsite(['demo', '--data', data], pass).code).toBe(0);
    const list = fairsite(['audits', 'list', '--data', data, '--json']);
    const audits = JSON.parse(list.out) as Array<{ id: string; status: string; kind: string }>;
    finalized = audits.find((a) => a.status === 'finalized' && a.kind === 'full')?.id ?? '';
    open = audits.find((a) => a.status !== 'finalized')?.id ?? '';
  }, 120_000);

  it('writes a signed report of the finalized demo audit', () => {
    const out = join(dir, 'demo.pdf');
    const r = fairsite(['report', '--data', data, '--audit', finalized, '--out', out], pass);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Signed report: .*demo\.pdf \(\d+ pages/);
    expect(r.err).toContain('%');
    const sig = pdfsig(out);
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
  }, 60_000);

  it('needs the passphrase to sign, and says how to give it', () => {
    const out = join(dir, 'nopass.pdf');
    const r = fairsite(['report', '--data', data, '--audit', finalized, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/FAIRSITE_PASSPHRASE/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('refuses to sign an audit in progress and writes a draft with --draft', () => {
    const refused = fairsite(['report', '--data', data, '--audit', open, '--out', join(dir, 'x.pdf')], pass);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Only a finalized audit gets a signed report/);
    const out = join(dir, 'draft.pdf');
    const draft = fairsite(['report', '--data', data, '--audit', open, '--out', out, '--draft']);
    expect(draft.code).toBe(0);
    expect(draft.out).toMatch(/Draft report \(not signed\)/);
    expect(pdfsig(out)).toMatch(/does not contain any signatures/);
  }, 60_000);

  it('prints its usage when --audit or --out is missing', () => {
    const r = fairsite(['report', '--data', data]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('fairsite report --audit ID --out FILE.pdf');
  });
});
