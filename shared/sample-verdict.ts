// What the hours and wage checks share: the verdict shapes, how row verdicts
// add up to the sample's, and the warning for a sample that is too small.
// Each reason is a message (key and figures, shared/locales/*/checks.ts) and
// its English sentence: the English goes into findings, the messages are
// said in the UI's or the report's language.
import { msg, renderWith, type Message } from './messages';
import EN_CHECKS from './locales/en/checks';

/** A checks message in English (findings, the command line, English reports). */
export const checkEnglish = (m: Message): string => renderWith(EN_CHECKS, m);

export type CheckStatus = 'pass' | 'fail' | 'unknown';

export interface RowVerdict {
  status: CheckStatus;
  reasons: string[];
  /** The reasons as messages, for the reader's language. */
  messages: Message[];
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
  warningMessages: Message[];
  reasonMessages: Message[];
}

/** A row verdict from its messages (the English reasons follow from them). */
export const rowOf = (status: CheckStatus, messages: Message[], incomplete?: boolean): RowVerdict =>
  ({ status, reasons: messages.map(checkEnglish), messages, ...(incomplete ? { incomplete } : {}) });

/** Fewest workers a sample should hold when the template does not say (its guidance says 10). */
export const DEFAULT_MIN_SAMPLE = 10;

export const fmt = (n: number): string => String(Math.round(n * 100) / 100);
export const who = (name: string, i: number): string | Message => (name.trim() ? name.trim() : msg('sample.row', { n: i + 1 }));

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

export function sampleSizeWarning(rows: ReadonlyArray<{ worker: string }>, minSample: number): Message | null {
  const n = workersSampled(rows);
  if (n === 0 || n >= minSample) return null;
  return msg('sample.small', { count: n, min: minSample });
}

/** `breach` is the key of "N of M … breach the rules" for this kind of sample. */
export function combine(names: Array<string | Message>, rows: RowVerdict[], breach: 'hours.breach' | 'wage.breach', warnings: Message[]): CheckVerdict {
  const failed = rows.filter((r) => r.status === 'fail').length;
  const incomplete = rows.filter((r) => r.incomplete).length;
  const status: CheckStatus = failed ? 'fail' : rows.some((r) => r.status === 'unknown') ? 'unknown' : 'pass';
  const all = [...warnings];
  if (incomplete) all.push(msg('sample.incomplete', { count: incomplete }));
  const reasons: Message[] = [];
  if (failed) reasons.push(msg(breach, { failed, total: rows.length - incomplete }));
  rows.forEach((r, i) => {
    if (r.status === 'pass' || r.incomplete) return;
    for (const reason of r.messages) reasons.push(msg('sample.rowReason', { who: names[i]!, reason }));
  });
  const reasonMessages = [...reasons, ...all];
  return {
    status, rows, failedRows: failed, incompleteRows: incomplete,
    warnings: all.map(checkEnglish), reasons: reasonMessages.map(checkEnglish), warningMessages: all, reasonMessages,
  };
}
