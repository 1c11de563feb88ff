export interface BenchResult {
  /** True when every target of the benchmark was met. */
  ok: boolean;
  lines: string[];
  /** Every figure with a target (or worth following), with what it was before: the suite's summary is made from these. */
  figures?: Figure[];
}

export interface Bench {
  name: string;
  run(): Promise<BenchResult>;
}

/** A target: the figure must be below, at most, or at least this value. */
export type Target = { below: number } | { atMost: number } | { atLeast: number } | null;

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What it was before, and where that figure comes from ("588 ms in issue 18"). */
  baseline: string;
  target: Target;
  /** CPU time of the same work, where it was measured (it does not stretch with the machine's load; wall time does). */
  cpuMs?: number;
}

export function figure(name: string, value: number, unit: string, target: Target, baseline: string, cpuMs?: number): Figure {
  return { name, value, unit, target, baseline, ...(cpuMs === undefined ? {} : { cpuMs }) };
}

/** True or false against the target; null when the figure has none (shown for following only). */
export function met(f: Figure): boolean | null {
  const t = f.target;
  if (!t) return null;
  if (!Number.isFinite(f.value)) return false;
  if ('below' in t) return f.value < t.below;
  if ('atMost' in t) return f.value <= t.atMost;
  return f.value >= t.atLeast;
}

export function targetText(t: Target, unit: string): string {
  if (!t) return '—';
  const u = unit ? ` ${unit}` : '';
  if ('below' in t) return `< ${t.below}${u}`;
  if ('atMost' in t) return `≤ ${t.atMost}${u}`;
  return `≥ ${t.atLeast}${u}`;
}

export const valueText = (f: Figure): string => {
  const digits = Math.abs(f.value) >= 100 ? 0 : Math.abs(f.value) >= 10 ? 1 : 3;
  return `${f.value.toFixed(digits)}${f.unit ? ` ${f.unit}` : ''}${f.cpuMs === undefined ? '' : ` (CPU ${f.cpuMs.toFixed(f.cpuMs >= 100 ? 0 : 1)} ms)`}`;
};

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const ms = (n: number) => `${n.toFixed(3)} ms`;
