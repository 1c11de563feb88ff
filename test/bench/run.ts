// `npm run bench [-- NAME...] [-- --runs N]`: runs the benchmarks listed here
// in order and prints each one's figures, then every figure with a target
// beside its baseline and target, met or missed. With --runs N the suite
// runs N times and the summary shows every run's figure side by side (and
// which moved by more than 20 % between runs). Exits 1 if any target was
// missed in any run.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { met, targetText, valueText, type Bench, type Figure } from './types';
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

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '1' } } });
const runs = Math.max(1, Number(values.runs) || 1);
const only = positionals;
const unknown = only.filter((n) => !benches.some((b) => b.name === n));
if (unknown.length) {
  console.error(`No benchmark named ${unknown.join(', ')}; the names are ${benches.map((b) => b.name).join(', ')}.`);
  process.exit(2);
}

// Timings depend on what else the machine is doing; say so next to them.
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(`machine: ${cpus().length} cores, load average ${load()}`);

interface Measured { bench: string; run: number; figure: Figure; load: string }
const measured: Measured[] = [];
let failed = 0;
for (let run = 1; run <= runs; run++) {
  if (runs > 1) console.log(`\n##### run ${run} of ${runs}`);
  for (const b of benches) {
    if (only.length && !only.includes(b.name)) continue;
    const loadBefore = load();
    console.log(`\n=== ${b.name} (load average ${loadBefore})`);
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    try {
      const r = await b.run();
      for (const line of r.lines) console.log(`  ${line}`);
      const cpu = process.cpuUsage(cpu0);
      const loads = `${loadBefore} → ${load()}`;
      if (r.figures?.length) {
        console.log('  figures (value | baseline | target | met):');
        for (const f of r.figures) {
          const m = met(f);
          console.log(`    ${f.name}: ${valueText(f)} | before: ${f.baseline} | target ${targetText(f.target, f.unit)} | ${m === null ? 'no target' : m ? 'met' : 'MISSED'}`);
          measured.push({ bench: b.name, run, figure: f, load: loads });
        }
      }
      console.log(`--- ${b.name}: ${r.ok ? 'targets met' : 'TARGET MISSED'} (${((Date.now() - t0) / 1000).toFixed(1)} s; this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, children not counted; load average ${loads})`);
      if (!r.ok) failed++;
    } catch (err) {
      failed++;
      console.log(`--- ${b.name}: FAILED: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }
}

if (measured.length) {
  console.log(`\n===== summary: every figure with a target, its baseline and target${runs > 1 ? `, in each of the ${runs} runs` : ''}`);
  const keys = [...new Set(measured.map((m) => `${m.bench}\u0000${m.figure.name}`))];
  for (const key of keys) {
    const [bench, name] = key.split('\u0000') as [string, string];
    const all = measured.filter((m) => m.bench === bench && m.figure.name === name);
    const f = all[0]!.figure;
    const verdicts = all.map((m) => met(m.figure));
    const metCount = verdicts.filter((v) => v === true).length;
    const values = all.map((m) => m.figure.value).filter(Number.isFinite);
    const spread = values.length > 1 && Math.min(...values) > 0 ? Math.max(...values) / Math.min(...values) - 1 : 0;
    const each = all.map((m) => `${runs > 1 ? `run ${m.run}: ` : ''}${valueText(m.figure)} [load ${m.load}]`).join('; ');
    const verdict = verdicts[0] === null ? 'no target' : runs > 1 ? `met in ${metCount} of ${all.length}` : metCount ? 'met' : 'MISSED';
    console.log(`${bench} · ${name}: ${each} | before: ${f.baseline} | target ${targetText(f.target, f.unit)} | ${verdict}${spread > 0.2 ? ` | moved ${(spread * 100).toFixed(0)} % between runs` : ''}`);
  }
}
process.exit(failed ? 1 : 0);
