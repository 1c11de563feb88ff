export interface BenchResult {
  /** True when every target of the benchmark was met. */
  ok: boolean;
  lines: string[];
}

export interface Bench {
  name: string;
  run(): Promise<BenchResult>;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const ms = (n: number) => `${n.toFixed(3)} ms`;
