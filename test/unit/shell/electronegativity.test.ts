// The security gate of `npm test` must fail on an insecure shell.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../../..');

describe('test/security/electronegativity.mjs', () => {
  it('exits 1 and names the HIGH findings of an insecure main process', () => {
    const r = spawnSync(process.execPath, ['test/security/electronegativity.mjs', 'test/security/fixtures/insecure-shell'], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/HIGH\s+FIRM\s+CONTEXT_ISOLATION_JS_CHECK test\/security\/fixtures\/insecure-shell\/main\.js:5/);
    expect(r.stdout).toMatch(/HIGH .*LIMIT_NAVIGATION_GLOBAL_CHECK/);
    expect(r.stdout).toMatch(/FAILED/);
  });
});
