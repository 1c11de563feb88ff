// `npm run test:stress [-- --runs N --load N]`: the whole suite (vitest and
// the end-to-end tests) N times while N busy loops load the CPUs, then every
// test that failed at least once, with its count. Not part of `npm test`:
// it finds tests that depend on timing, which a quiet machine hides.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} needs a whole number`);
  return v;
}
const runs = option('runs', 5);
const load = option('load', 2);

const results = join(process.cwd(), 'test-results');
const failures = new Map();
const count = (name) => failures.set(name, (failures.get(name) ?? 0) + 1);

function vitestFailures() {
  const file = join(results, 'vitest.json');
  if (!existsSync(file)) return ['vitest: no report (the run crashed)'];
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const out = [];
  for (const suite of j.testResults ?? []) {
    // A file that failed to run is counted by its name; its message (which can
    // name temporary folders) is printed once, under the run.
    if (suite.status === 'failed' && !(suite.assertionResults ?? []).some((a) => a.status === 'failed')) {
      out.push(`${suite.name.replace(`${process.cwd()}/`, '')}: the file failed to run`);
      console.log(`  ${suite.name}: ${(suite.message || '').split('\n')[0]}`);
    }
    for (const a of suite.assertionResults ?? []) if (a.status === 'failed') out.push(`${suite.name.replace(`${process.cwd()}/`, '')} > ${a.fullName}`);
  }
  return out;
}

function playwrightFailures() {
  const file = join(results, 'playwright.json');
  if (!existsSync(file)) return ['e2e: no report (the run crashed)'];
  const out = [];
  const walk = (suite, path) => {
    for (const s of suite.suites ?? []) walk(s, [...path, s.title]);
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) if (t.status !== 'expected' && t.status !== 'skipped') out.push(`${[...path, spec.title].join(' > ')} (${t.status})`);
    }
  };
  walk(JSON.parse(readFileSync(file, 'utf8')), []);
  return out;
}

const loops = Array.from({ length: load }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stop = () => loops.forEach((p) => p.kill('SIGKILL'));
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

const summary = [];
for (let i = 1; i <= runs; i++) {
  const t0 = Date.now();
  console.log(`\n##### run ${i} of ${runs}, ${load} busy loops beside it`);
  spawnSync(process.execPath, ['test/run-all.mjs', 'vitest', 'e2e'], { stdio: 'inherit' });
  const failed = [...vitestFailures(), ...playwrightFailures()];
  failed.forEach(count);
  summary.push(`run ${i}: ${failed.length} failed (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
stop();

console.log('\n##### stress summary');
for (const line of summary) console.log(line);
if (failures.size === 0) console.log(`no test failed in ${runs} loaded runs`);
for (const [name, n] of [...failures].sort((a, b) => b[1] - a[1])) console.log(`${n}/${runs}  ${name}`);
process.exit(failures.size ? 1 : 0);
