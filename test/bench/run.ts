// `npm run bench [-- NAME...]`: runs the benchmarks listed here in order and
// prints each one's figures; exits 1 if any missed its target.
import { cpus, loadavg } from 'node:os';
import type { Bench } from './types';
import { storeSave } from './store-save';
import { crash } from './crash';
import { evidenceIngest } from './evidence-bench';
import { reportBench } from './report-bench';
import { bundleBench } from './bundle-bench';
import { uiBench } from './ui-bench';
import { laptopBench } from './laptop-bench';
import { hqBench } from './hq-bench';
import { hqQueriesBench } from './hq-queries-bench';

const benches: Bench[] = [
  storeSave,
  crash,
  evidenceIngest,
  reportBench,
  bundleBench,
  uiBench,
  laptopBench,
  hqBench,
  hqQueriesBench,
];

const only = process.argv.slice(2);
// Timings depend on what else the machine is doing; say so next to them.
console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
let failed = 0;
for (const b of benches) {
  if (only.length && !only.includes(b.name)) continue;
  console.log(`\n=== ${b.name}`);
  const t0 = Date.now();
  try {
    const r = await b.run();
    for (const line of r.lines) console.log(`  ${line}`);
    console.log(`--- ${b.name}: ${r.ok ? 'targets met' : 'TARGET MISSED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    if (!r.ok) failed++;
  } catch (err) {
    failed++;
    console.log(`--- ${b.name}: FAILED: ${err instanceof Error ? err.stack : String(err)}`);
  }
}
process.exit(failed ? 1 : 0);
