// What the hours and wage checks share: the verdict shapes, how row verdicts
// add up to the sample's, and the warning for a sample that is too small.
// Reasons are plain sentences: they go straight into findings and reports.

export type CheckStatus = 'pass' | 'fail' | 'unknown';

export interface RowVerdict {
  status: CheckStatus;
  reasons: string[];
  /** The row lacks a figure its check needs: it is not judged (no breach, no finding). */
  incomplete?: boolean;
}

export interface CheckVerdict {
  /** fail if any row fails; unknown if nothing failed but a row could not be checked; pass otherwise. */
  status: CheckStatus;
  rows: RowVerdict[];
  failedRows: number;
  /** Rows left unjudged because a figure is missing. */
  incompleteRows: number;
  /** What the auditor should know about the sample as a whole (too small, rows not judged). */
  warnings: string[];
  reasons: string[];
}

/** Fewest workers a sample should hold when the template does not say (its guidance says 10). */
export const DEFAULT_MIN_SAMPLE = 10;

export const fmt = (n: number): string => String(Math.round(n * 100) / 100);
export const who = (name: string, i: number): string => (name.trim() ? name.trim() : `row ${i + 1}`);

/** Distinct workers in a sample: by name, and each unnamed row as one. */
export function workersSampled(rows: ReadonlyArray<{ worker: string }>): number {
  const names = new Set<string>();
  let unnamed = 0;
  for (const r of rows) {
    const n = r.worker.trim().toLowerCase();
    if (n) names.add(n);
    else unnamed += 1;
  }
  return names.size + unnamed;
}

export function sampleSizeWarning(rows: ReadonlyArray<{ worker: string }>, minSample: number): string | null {
  const n = workersSampled(rows);
  if (n === 0 || n >= minSample) return null;
  return `Only ${n} ${n === 1 ? 'worker' : 'workers'} sampled: the template asks for at least ${minSample}, so the result may not represent the workforce.`;
}

export function combine(names: string[], rows: RowVerdict[], noun: string, warnings: string[]): CheckVerdict {
  const failed = rows.filter((r) => r.status === 'fail').length;
  const incomplete = rows.filter((r) => r.incomplete).length;
  const status: CheckStatus = failed ? 'fail' : rows.some((r) => r.status === 'unknown') ? 'unknown' : 'pass';
  const all = [...warnings];
  if (incomplete) all.push(`${incomplete} ${incomplete === 1 ? 'row is' : 'rows are'} incomplete and not judged.`);
  const reasons: string[] = [];
  if (failed) reasons.push(`${failed} of ${rows.length - incomplete} ${noun} breach the rules`);
  rows.forEach((r, i) => {
    if (r.status === 'pass' || r.incomplete) return;
    for (const reason of r.reasons) reasons.push(`${names[i]}: ${reason}`);
  });
  return { status, rows, failedRows: failed, incompleteRows: incomplete, warnings: all, reasons: [...reasons, ...all] };
}
