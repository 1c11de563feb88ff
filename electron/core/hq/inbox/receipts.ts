// The inbox's memory of every bundle received through it (page upload, Open
// dialog, watched folder) and what became of it, refusals included: HQ's
// database keeps only what it accepted or holds, so the reason a bundle was
// refused lives here, one JSON line per receipt in HQ's folder.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Hq } from '../context';
import type { ImportResult } from '../import';
import type { Receipt, ReceiptSource } from '../../../../shared/domain/hq-inbox';

/** How many receipts the inbox shows (the newest). */
export const RECEIPTS_SHOWN = 500;

export interface StoredReceipt extends Receipt {
  /** The watched file as it was seen (name, size, modification time), so a restart does not log it again. */
  key?: string;
}

export function receiptsFile(hq: Hq): string {
  return join(hq.paths.dir, 'inbox', 'receipts.jsonl');
}

function flatten(rs: ImportResult[]): ImportResult[] {
  return rs.flatMap((r) => [r, ...flatten(r.released ?? [])]);
}

/** Receipts for one import's results, held bundles it released included. */
export function toReceipts(results: ImportResult[], source: ReceiptSource, at = new Date().toISOString(), key?: (file: string) => string | undefined): StoredReceipt[] {
  return flatten(results).map((r) => {
    const k = key?.(r.file);
    return {
      at, source, file: basename(r.file), status: r.status, reason: r.reason ?? null, message: r.message, ...(r.text ? { text: r.text } : {}),
      bundleId: r.bundleId ?? null, auditorId: r.auditorId ?? null, conflicts: r.conflicts ?? [],
      ...(k ? { key: k } : {}),
    };
  });
}

export function appendReceipts(hq: Hq, receipts: StoredReceipt[]): void {
  if (!receipts.length) return;
  const file = receiptsFile(hq);
  mkdirSync(join(hq.paths.dir, 'inbox'), { recursive: true, mode: 0o700 });
  appendFileSync(file, receipts.map((r) => JSON.stringify(r)).join('\n') + '\n', { encoding: 'utf8', mode: 0o600 });
}

/** Every stored receipt, oldest first; a line cut short by a crash is skipped. */
export function readReceipts(hq: Hq): StoredReceipt[] {
  const file = receiptsFile(hq);
  if (!existsSync(file)) return [];
  const out: StoredReceipt[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as StoredReceipt);
    } catch {
      // A partial last line: the receipt before the crash is lost, the bundle itself is not.
    }
  }
  return out;
}

/** The newest receipts first, without the internal key. */
export function recentReceipts(hq: Hq, limit = RECEIPTS_SHOWN): Receipt[] {
  return readReceipts(hq).slice(-limit).reverse().map(({ key: _key, ...r }) => r);
}
