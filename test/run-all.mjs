// The one test command (`npm test`): every check in order, then a last line
// "N passed, N failed" that CI reads. Checks that are not test runners
// (type-check, lint, electronegativity) count as one test each.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = join(process.cwd(), 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const failures = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function step(name, fn) {
  if (only.length && !only.includes(name)) return;
  const t0 = Date.now();
  const r = fn();
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (typeof r === 'boolean') {
    if (r) passed++;
    else { failed++; failures.push(name); }
    console.log(`--- ${name}: ${r ? 'ok' : 'FAILED'} (${secs} s)`);
  } else {
    passed += r.passed;
    failed += r.failed;
    if (r.failed || !r.ok) failures.push(name);
    if (!r.ok && r.failed === 0) { failed++; }
    console.log(`--- ${name}: ${r.passed} passed, ${r.failed} failed (${secs} s)`);
  }
}

step('typecheck', () => run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']));
step('lint', () => run('lint', 'npx', ['eslint', '.']));
step('electronegativity', () => run('electronegativity', 'node', ['test/security/electronegativity.mjs']));

step('vitest', () => {
  const file = join(out, 'vitest.json');
  const ok = run('vitest', 'npx', ['vitest', 'run', '--config', 'test/vitest.config.ts',
    '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  if (!existsSync(file)) return { ok, passed: 0, failed: 0 };
  const j = JSON.parse(readFileSync(file, 'utf8'));
  return { ok, passed: j.numPassedTests, failed: j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0) };
});

step('e2e', () => {
  const file = join(out, 'playwright.json');
  const ok = run('e2e', 'npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (!existsSync(file)) return { ok, passed: 0, failed: 0 };
  const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  return { ok, passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0) };
});

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
