// Memory figures that mean something: each one comes from its own child
// process that does only the measured work, on inputs already on disk. The
// child reports its resident size once started (modules loaded, nothing
// done: the baseline) and its high-water mark at the end, from the kernel
// (VmHWM in /proc/self/status) and from Node (resourceUsage().maxRSS); the
// parent also samples the child's /proc/<pid>/status every 10 ms as a
// cross-check. The start-up peak is reported on its own, so a peak that
// start-up alone explains is seen as such.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface PeakFigures {
  /** VmRSS once started, before the work. */
  baselineMB: number;
  /** VmHWM before the work: what start-up alone reached. */
  startPeakMB: number;
  /** VmHWM at the end: the whole process's peak. */
  peakMB: number;
  /** process.resourceUsage().maxRSS at the end (the same figure, as Node reports it). */
  maxRssMB: number;
  /** Highest VmHWM the parent saw while sampling (null where /proc is missing). */
  sampledPeakMB: number | null;
  /** Largest V8 heap in use, and Buffer/ArrayBuffer memory outside it, seen while working (sampled every 20 ms): where the peak went. */
  heapMB: number;
  externalMB: number;
  /** Wall time of the work alone, start-up excluded. */
  ms: number;
  /** Whatever the work returned. */
  result: Record<string, unknown>;
}

const MB = 1024 * 1024;

/** One field of /proc/<pid>/status in MB, or null when it cannot be read. */
export function procStatusMB(pid: number | 'self', field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const LINE = 'child-peak:';

/**
 * In the child: runs the work and prints its figures as the last line of
 * stdout. Call it once, after the imports the work needs.
 */
export async function measureSelf(work: () => Promise<Record<string, unknown>>): Promise<void> {
  const baselineMB = procStatusMB('self', 'VmRSS') ?? process.memoryUsage().rss / MB;
  const startPeakMB = procStatusMB('self', 'VmHWM') ?? baselineMB;
  let heapMB = 0;
  let externalMB = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    heapMB = Math.max(heapMB, m.heapUsed / MB);
    externalMB = Math.max(externalMB, m.external / MB);
  };
  const timer = setInterval(sample, 20);
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  clearInterval(timer);
  sample();
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const peakMB = procStatusMB('self', 'VmHWM') ?? maxRssMB;
  process.stdout.write(`\n${LINE}${JSON.stringify({ baselineMB, startPeakMB, peakMB, maxRssMB, heapMB, externalMB, ms, result })}\n`);
}

/**
 * In the parent: runs `script` (TypeScript, through tsx) in a new Node
 * process and returns its figures. Fails with the child's stderr when it
 * exits non-zero.
 */
export function runMeasured(script: string, args: string[], opts: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): Promise<PeakFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', script, ...args], {
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    let sampled: number | null = null;
    const timer = setInterval(() => {
      const v = child.pid ? procStatusMB(child.pid, 'VmHWM') : null;
      if (v !== null) sampled = Math.max(sampled ?? 0, v);
    }, 10);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const line = out.split('\n').reverse().find((l) => l.startsWith(LINE));
      if (code !== 0 || !line) {
        reject(new Error(`${script} ${args.join(' ')} exited ${code}: ${err.slice(-2000) || out.slice(-2000)}`));
        return;
      }
      const figures = JSON.parse(line.slice(LINE.length)) as Omit<PeakFigures, 'sampledPeakMB'>;
      resolve({ ...figures, sampledPeakMB: sampled });
    });
  });
}

export const mbText = (n: number): string => `${n.toFixed(0)} MB`;

/** "peak 180 MB (start-up 95 MB)" as the bench prints it. */
export const peakText = (f: PeakFigures): string =>
  `peak ${mbText(f.peakMB)} (after start-up ${mbText(f.baselineMB)}; JS heap ≤ ${mbText(f.heapMB)}, buffers ≤ ${mbText(f.externalMB)})`;

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
