// Peak memory of one piece of work, measured in a child process that does
// only that work: the one helper every memory figure of the benchmarks comes
// from. A figure taken in the bench process itself mixes in the generator's
// buffers and every earlier bench; a figure taken once at the end misses a
// peak that came and went. So:
//   - the parent (`measurePeakRss`) starts the script in its own Node process
//     (TypeScript through tsx), samples /proc/<pid>/status (VmRSS, VmHWM)
//     every few milliseconds while it runs, and collects what the child reports;
//   - the child calls `markBaseline()` once it has started up (modules loaded,
//     nothing of the measured work done yet) and `finish(result)` at the end,
//     which reports the kernel's high-water mark (VmHWM) and
//     process.resourceUsage().maxRSS, both exact, and its own JSON result;
//     or it hands its work to `measureSelf(work)`, which does both and also
//     times the work and samples its JS heap and Buffer memory (where the
//     peak went).
// Inputs must be written to disk before the child starts; the child reads
// them, so they are not in its memory unless the measured code puts them there.
// `runTool` measures a baseline tool (zip, unzip, sha256sum) the same way.
//
// Parent:
//   const m = await measurePeakRss(fileURLToPath(new URL('./x-child.ts', import.meta.url)), [inputDir]);
//   m.peakMB, m.baselineMB, m.workMB (peak above baseline), m.result
// Child (x-child.ts):
//   import { markBaseline, finish } from './lib/peak-rss';
//   markBaseline(); …work…; finish({ ms });
// or
//   await measureSelf(async () => { …work…; return { size }; });
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const MARK = '@@peak-rss ';

export interface ProcMemory {
  /** Resident set size now, MB. */
  rssMB: number;
  /** The process's resident high-water mark so far (kernel-kept, exact), MB. */
  hwmMB: number;
}

/** VmRSS and VmHWM of a process from /proc (Linux); undefined once it has exited. */
export function readProcMemory(pid: number | 'self' = 'self'): ProcMemory | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (key: string) => {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const rss = kb('VmRSS');
  const hwm = kb('VmHWM');
  // A zombie (exited, not yet reaped) has a status file without Vm lines.
  if (rss === undefined || hwm === undefined) return undefined;
  return { rssMB: rss / 1024, hwmMB: hwm / 1024 };
}

/** The process and all its descendants (e.g. a browser the child launched). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid …; comm may hold spaces and parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return out;
}

/** Proportional set size (shared pages divided among their sharers) of a process, MB. */
export function readPssMB(pid: number): number | undefined {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Peak RSS of this process over a stretch of work it does itself, sampled
 * every 20 ms (for benches whose work cannot move to a child of its own, e.g.
 * an import timed beside others in one process); call the result to stop. MB.
 */
export function ownPeakSampler(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  return () => { clearInterval(timer); return Math.max(peak, process.memoryUsage().rss) / 1048576; };
}

/** Follows other processes' resident high-water marks (VmHWM) every 100 ms until stopped; MB, per pid. */
export function hwmWatcher(pids: number[]): () => number[] {
  const hwm = pids.map(() => 0);
  const look = () => pids.forEach((pid, i) => { hwm[i] = Math.max(hwm[i]!, readProcMemory(pid)?.hwmMB ?? 0); });
  const timer = setInterval(look, 100);
  return () => { look(); clearInterval(timer); return hwm; };
}

function emit(kind: string, payload: unknown): void {
  process.stdout.write(`${MARK}${JSON.stringify({ kind, payload })}\n`);
}

/** Child side: start-up is over; what follows is the measured work. */
export function markBaseline(): void {
  const m = readProcMemory('self');
  emit('baseline', { rssMB: m?.rssMB ?? process.memoryUsage().rss / 1048576, hwmMB: m?.hwmMB ?? process.resourceUsage().maxRSS / 1024 });
}

/** What `measureSelf` adds: the work's wall time and where its memory went. */
export interface WorkFigures {
  /** Wall time of the work alone, start-up excluded. */
  ms: number;
  /** Largest V8 heap in use, and Buffer/ArrayBuffer memory outside it, seen while working (sampled every 20 ms, so only between synchronous stretches). */
  heapMB: number;
  externalMB: number;
}

/** Child side: the work is done; report its result and the exact peaks. */
export function finish(result: Record<string, unknown> = {}, work?: WorkFigures): void {
  const m = readProcMemory('self');
  emit('finish', { result, work, hwmMB: m?.hwmMB, maxRssMB: process.resourceUsage().maxRSS / 1024 });
}

/**
 * Child side, all in one: marks the baseline, runs `work`, and finishes with
 * its result, its wall time and its largest JS heap and Buffer memory.
 * Call it once, after the imports the work needs.
 */
export async function measureSelf(work: () => Promise<Record<string, unknown>>): Promise<void> {
  markBaseline();
  let heapMB = 0;
  let externalMB = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    heapMB = Math.max(heapMB, m.heapUsed / 1048576);
    externalMB = Math.max(externalMB, m.external / 1048576);
  };
  const timer = setInterval(sample, 20);
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  clearInterval(timer);
  sample();
  finish(result, { ms, heapMB, externalMB });
}

export interface PeakRssOptions {
  /** Sampling interval of /proc/<pid>/status, ms (default 5). */
  sampleMs?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Kill the child after this long (default 10 minutes). */
  timeoutMs?: number;
  /** Extra Node flags, e.g. ['--max-old-space-size=256']. */
  nodeArgs?: string[];
  /**
   * Also sample the whole process tree (a browser the child starts): the
   * largest sum of VmRSS (counts shared pages once per process) and of PSS
   * (shares them out) seen at one instant. Sampled every `treeSampleMs` (default 20).
   */
  tree?: boolean;
  treeSampleMs?: number;
}

export interface PeakRssResult {
  /** RSS when the child called markBaseline() (after start-up), MB; NaN if it never did. */
  baselineMB: number;
  /** High-water mark reached during start-up (at markBaseline), MB. */
  startupPeakMB: number;
  /** The peak RSS of the whole process: the largest of the child's final VmHWM (its maxRSS only where there is none) and every sample, MB. */
  peakMB: number;
  /** Peak above the baseline: what the measured work added, MB. */
  workMB: number;
  /** The largest VmRSS seen by sampling (≤ peakMB; shows whether sampling caught the peak). */
  sampledPeakMB: number;
  samples: number;
  /** Child wall time, start-up included, ms. */
  wallMs: number;
  /** With `tree`: the largest summed VmRSS / PSS of the child and its descendants at one sample, MB, and the most processes seen. */
  tree?: { peakRssMB: number; peakPssMB: number; processes: number; samples: number };
  /** What the child passed to finish(). */
  result: Record<string, unknown>;
  /** From a child that used measureSelf: the work's own wall time and heap figures. */
  work?: WorkFigures;
  /** The child's other stdout lines. */
  stdout: string;
  stderr: string;
}

/**
 * Runs `script` (a .ts or .js file) with `args` in its own Node process and
 * measures its memory. Rejects if the child fails or never calls finish().
 */
export function measurePeakRss(script: string, args: string[] = [], opts: PeakRssOptions = {}): Promise<PeakRssResult> {
  const sampleMs = opts.sampleMs ?? 5;
  const nodeArgs = [...(opts.nodeArgs ?? []), ...(/\.[cm]?ts$/.test(script) ? ['--import', 'tsx'] : []), script, ...args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, nodeArgs, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let sampledPeak = 0;
    let sampledHwm = 0;
    let samples = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const m = readProcMemory(child.pid);
      if (!m) return;
      samples++;
      sampledPeak = Math.max(sampledPeak, m.rssMB);
      sampledHwm = Math.max(sampledHwm, m.hwmMB);
    };
    const timer = setInterval(sample, sampleMs);
    const tree = { peakRssMB: 0, peakPssMB: 0, processes: 0, samples: 0 };
    const sampleTree = () => {
      if (child.pid === undefined) return;
      let rss = 0;
      let pss = 0;
      const pids = processTree(child.pid);
      for (const pid of pids) {
        rss += readProcMemory(pid)?.rssMB ?? 0;
        pss += readPssMB(pid) ?? 0;
      }
      tree.samples++;
      tree.processes = Math.max(tree.processes, pids.length);
      tree.peakRssMB = Math.max(tree.peakRssMB, rss);
      tree.peakPssMB = Math.max(tree.peakPssMB, pss);
    };
    const treeTimer = opts.tree ? setInterval(sampleTree, opts.treeSampleMs ?? 20) : undefined;
    const killer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 600_000);
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { out += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { err += s; });
    child.on('error', (e) => { clearInterval(timer); clearInterval(treeTimer); clearTimeout(killer); reject(e); });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      clearInterval(treeTimer);
      clearTimeout(killer);
      const wallMs = performance.now() - t0;
      let baseline: { rssMB: number; hwmMB: number } | undefined;
      let fin: { result: Record<string, unknown>; work?: WorkFigures; hwmMB?: number; maxRssMB: number } | undefined;
      const rest: string[] = [];
      for (const line of out.split('\n')) {
        if (!line.startsWith(MARK)) { if (line) rest.push(line); continue; }
        const { kind, payload } = JSON.parse(line.slice(MARK.length)) as { kind: string; payload: never };
        if (kind === 'baseline') baseline = payload;
        if (kind === 'finish') fin = payload;
      }
      if (code !== 0 || !fin) {
        reject(new Error(`${script} ${code !== 0 ? `exited with ${code ?? signal}` : 'ended without calling finish()'}\n${err.slice(-4000)}`));
        return;
      }
      // Not maxRSS where VmHWM exists: on Linux a child's maxRSS starts from its
      // parent's resident size at the fork (the kernel carries it across exec),
      // so a child of a 586 MB bench process "peaked" at 586 MB whatever it did.
      // VmHWM belongs to the child's own memory, made new at exec.
      const peakMB = Math.max(fin.hwmMB ?? fin.maxRssMB, sampledPeak, sampledHwm);
      const baselineMB = baseline?.rssMB ?? NaN;
      resolve({
        baselineMB,
        startupPeakMB: baseline?.hwmMB ?? NaN,
        peakMB,
        workMB: peakMB - baselineMB,
        sampledPeakMB: sampledPeak,
        samples,
        tree: opts.tree ? tree : undefined,
        wallMs,
        result: fin.result,
        work: fin.work,
        stdout: rest.join('\n'),
        stderr: err,
      });
    });
  });
}

export const mbText = (n: number): string => `${n.toFixed(0)} MB`;

/** "peak 212 MB (after start-up 95 MB, +117 MB for the work; JS heap ≤ 60 MB, buffers ≤ 20 MB)". */
export function describePeak(m: PeakRssResult): string {
  const where = m.work ? `; JS heap ≤ ${mbText(m.work.heapMB)}, buffers ≤ ${mbText(m.work.externalMB)}` : '';
  return `peak ${mbText(m.peakMB)} (after start-up ${mbText(m.baselineMB)}, +${mbText(m.workMB)} for the work${where})`;
}

/**
 * A baseline tool (zip, unzip, sha256sum) run the same way: wall time and
 * its peak resident size as GNU time reports it (%M, the kernel's maxrss).
 */
export function runTool(cmd: string, args: string[], cwd?: string): { ms: number; peakMB: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'tool-peak-kb:%M', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  const kb = /tool-peak-kb:(\d+)/.exec(r.stderr ?? '')?.[1];
  if (r.status !== 0 || !kb) throw new Error(`${cmd} ${args.slice(0, 3).join(' ')}… exited ${r.status}: ${(r.stderr ?? '').slice(-500)}`);
  return { ms, peakMB: Number(kb) / 1024 };
}
