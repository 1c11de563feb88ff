// The command line end to end: export, verify (exit codes and reasons), HQ
// enrolment and import, through main() with captured output.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../electron/cli/main';
import type { Io } from '../../../electron/cli/io';

let root: string;
const env = { FAIRSITE_PASSPHRASE: 'cli-test-passphrase' } as NodeJS.ProcessEnv;
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), env };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-cli-'));
  expect((await run('demo', '--data', join(root, 'lap'))).code).toBe(0);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('export, verify, enrol, import, import again; a damaged copy is refused with its reason', async () => {
  const lap = join(root, 'lap');
  const hq = join(root, 'hq');
  const file = join(root, 'b.fsb');
  const exp = await run('bundle', 'export', '--data', lap, '--all', '--out', file);
  expect(exp.code, exp.err).toBe(0);
  expect(exp.out).toMatch(/3 audit\(s\).*not encrypted.*full/);

  const v = await run('bundle', 'verify', file);
  expect(v.code, v.err).toBe(0);
  expect(v.out).toMatch(/Valid bundle .* every hash checked/s);

  expect((await run('hq', 'init', '--data', hq)).code).toBe(0);
  const unknown = await run('bundle', 'verify', file, '--data', hq);
  expect(unknown.code).toBe(1);
  expect(unknown.out + unknown.err).toMatch(/NOT enrolled at this HQ/);
  const refused = await run('hq', 'import', '--data', hq, file);
  expect(refused.code).toBe(1);
  expect(refused.err).toMatch(/not enrolled/);

  const en = await run('hq', 'enrol', '--data', hq, '--key', join(lap, 'keys', 'signing-key.pub'), '--auditor-id', 'MS-DEMO', '--name', 'Maria Santos');
  expect(en.code, en.err).toBe(0);
  expect((await run('bundle', 'verify', file, '--data', hq)).out).toMatch(/enrolled at this HQ/);
  const imp = await run('hq', 'import', '--data', hq, file);
  expect(imp.code, imp.err).toBe(0);
  expect(imp.out).toMatch(/1 imported/);
  const again = await run('hq', 'import', '--data', hq, root);
  expect(again.code).toBe(0);
  expect(again.out).toMatch(/already imported/);

  const bytes = readFileSync(file);
  const mid = bytes.length >> 1;
  bytes[mid] = bytes[mid]! ^ 0xff;
  const bad = join(root, 'bad.fsb');
  writeFileSync(bad, bytes);
  const rej = await run('bundle', 'verify', bad);
  expect(rej.code).toBe(1);
  expect(rej.err).toMatch(/^Rejected \(\w+\): /);
}, 60_000);
