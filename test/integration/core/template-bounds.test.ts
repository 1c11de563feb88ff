// Template import is bounded: a 4.9 MB file of duplicate keys 500 levels
// deep (inside the 5 MB cap) is refused at once with a clear message; a
// file with hundreds of thousands of duplicates lists the first 100 and
// counts the rest; `fairsite template validate` on such files and on a
// 12 MB one stays within a small heap (the attack ran it out of memory).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from './helpers/core-fixture';

/** `depth` nested objects around one object holding the key "k" again and again, `bytes` long in all. */
function duplicateKeys(bytes: number, depth: number): string {
  const open = '{"a":'.repeat(depth);
  const dup = '"k":1,';
  return `${open}{${dup.repeat(Math.floor((bytes - open.length - depth - 10) / dup.length))}"k":1}${'}'.repeat(depth)}`;
}

let t: TestCore;
const files: Record<string, string> = {};
beforeAll(async () => {
  t = await testCore();
  for (const [name, bytes, depth] of [['deep', 4_900_000, 500], ['wide', 4_900_000, 20], ['big', 12_000_000, 20]] as const) {
    files[name] = join(t.dir, `${name}.json`);
    writeFileSync(files[name], duplicateKeys(bytes, depth));
  }
});
afterAll(() => t.cleanup());

describe('templates.import through the contract', () => {
  it('refuses 4.9 MB of duplicate keys 500 levels deep quickly, with one clear problem', async () => {
    const json = duplicateKeys(4_900_000, 500);
    expect(json.length).toBeLessThan(5_000_000);
    const started = performance.now();
    const env = await t.dispatch('templates.import', { json });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('rejected');
    expect(env.error.fields).toEqual([{ path: 'line 1, column 166', message: 'the file is nested more than 32 levels deep, and a template nests about eight levels: this is not a Fairsite template', text: { key: 'template.tooDeep', params: { depth: 32 } }, where: { key: 'template.at', params: { line: 1, column: 166 } } }]);
  });

  it('lists the first 100 of 800,000 duplicate keys and counts the rest', async () => {
    const json = duplicateKeys(4_900_000, 20);
    const started = performance.now();
    const env = await t.dispatch('templates.import', { json });
    expect(performance.now() - started).toBeLessThan(10_000);
    if (env.ok) throw new Error('accepted');
    expect(env.error.fields).toHaveLength(100);
    expect(env.error.fields?.[0]).toEqual({ path: `${Array(20).fill('a').join('.')}.k`, message: 'the key "k" appears more than once in the same object', text: { key: 'template.duplicateKey', params: { key: 'k' } } });
    const total = Number(/has (\d+) problems \(the first 100 are listed\)/.exec(env.error.message)?.[1]);
    expect(total).toBeGreaterThan(800_000);
  });
});

describe('fairsite template validate in a 256 MB heap', () => {
  const validate = (file: string) => spawnSync(process.execPath, ['--max-old-space-size=256', 'electron/cli/bin.mjs', 'template', 'validate', file], { encoding: 'utf8', timeout: 120_000 });

  it.each(['deep', 'wide', 'big'])('%s: exits 1 with the problems, not out of memory', (name) => {
    const r = validate(files[name]!);
    expect(r.signal).toBeNull();
    expect(r.status, r.stderr.slice(-400)).toBe(1);
    expect(r.stderr).not.toMatch(/heap out of memory/);
    expect(r.stderr.split('\n').length).toBeLessThan(110);
    if (name === 'big') expect(r.stderr).toMatch(/the file is 12\.0 MB, more than the 5\.00 MB a template may be/);
    if (name === 'wide') expect(r.stderr).toMatch(/\d{6} problems \(the first 100 are listed\)/);
  }, 130_000);
});
