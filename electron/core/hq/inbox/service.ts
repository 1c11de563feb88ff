// The inbox as the app uses it: its state, the watched folder (a setting in
// HQ's database; the watcher starts whenever HQ mode opens HQ), imports
// that keep a receipt, and bundle files handed over from the page in chunks.
import { appendFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Hq } from '../context';
import { importPaths } from '../service';
import type { ImportResult } from '../import';
import { msg, type Message } from '../../../../shared/messages';
import { refusal } from '../../../../shared/core-messages';
import { waitingText } from '../import-texts';
import type { AuditorActivity, InboxState, ReceiptSource } from '../../../../shared/domain/hq-inbox';
import { appendReceipts, recentReceipts, toReceipts } from './receipts';
import { serialImport } from './queue';
import { watchFolder, type InboxWatcher, type WatchOptions } from './watch';
import { write } from '../../store/write';

const WATCH_SETTING = 'inbox.watchFolder';
/** Largest bundle file received from the page (the import itself applies its own, smaller, cap). */
const MAX_RECEIVED_BYTES = 2 * 1024 * 1024 * 1024;

// The watcher belongs to the open HQ and ends when its database closes.
const watchers = new WeakMap<Hq, InboxWatcher>();

function getSetting(hq: Hq, key: string): string | null {
  const r = hq.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return r?.value ?? null;
}

/** Starts (or restarts for a new folder, or stops) the watcher of the folder HQ's settings name. */
export function ensureWatcher(hq: Hq, opts: WatchOptions = {}): InboxWatcher | null {
  const folder = getSetting(hq, WATCH_SETTING);
  const cur = watchers.get(hq);
  if (cur && cur.folder === folder) return cur;
  cur?.stop();
  watchers.delete(hq);
  if (!folder) return null;
  const w = watchFolder(hq, folder, opts);
  watchers.set(hq, w);
  return w;
}

export function stopWatcher(hq: Hq): void {
  watchers.get(hq)?.stop();
  watchers.delete(hq);
}

export function setWatchFolder(hq: Hq, folder: string | null, opts: WatchOptions = {}): void {
  if (folder !== null) {
    const abs = resolve(folder);
    let dir = false;
    try {
      dir = statSync(abs).isDirectory();
    } catch { /* reported below */ }
    if (!dir) throw refusal('not_found', msg('hqInbox.noFolder', { path: abs }));
    folder = abs;
  }
  write(hq, () => {
    if (folder === null) hq.db.prepare('DELETE FROM settings WHERE key = ?').run(WATCH_SETTING);
    else hq.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(WATCH_SETTING, folder);
  });
  ensureWatcher(hq, opts);
}

export function inboxState(hq: Hq): InboxState {
  const w = ensureWatcher(hq);
  const bundles = (hq.db.prepare(`SELECT bundle_id, auditor_id, state, held_reason, sequence, received_at, imported_at FROM bundles
    ORDER BY received_at DESC, bundle_id LIMIT 500`).all() as Array<Record<string, string | number | null>>).map((r) => ({
    bundleId: r.bundle_id as string, auditorId: r.auditor_id as string, state: r.state as 'imported' | 'held', reason: r.held_reason as string | null,
    ...(r.held_reason ? { text: waitingText(r.held_reason as string) } : {}),
    sequence: r.sequence as number, receivedAt: r.received_at as string, importedAt: r.imported_at as string | null,
  }));
  const conflicts = (hq.db.prepare(`SELECT a.audit_id, a.heads, v.site_name FROM audits a JOIN audit_versions v ON v.audit_id = a.audit_id AND v.head_hash = a.current_head
    WHERE a.conflict = 1 ORDER BY v.site_name, a.audit_id`).all() as Array<Record<string, string | number>>)
    .map((r) => ({ auditId: r.audit_id as string, siteName: r.site_name as string, versions: r.heads as number }));
  return {
    watchFolder: getSetting(hq, WATCH_SETTING), lastScanAt: w?.lastScanAt ?? null, scanError: w?.scanError ?? null,
    ...(w?.scanErrorText ? { scanErrorText: w.scanErrorText } : {}),
    receipts: recentReceipts(hq), bundles, conflicts,
  };
}

/** Imports files or folders, after any import already running, and keeps a receipt of each bundle. */
export async function importIntoInbox(hq: Hq, paths: string[], source: ReceiptSource, onProgress?: (f: number, m: Message) => void): Promise<ImportResult[]> {
  const results = await serialImport(hq, () => importPaths(hq, paths, { onProgress }));
  appendReceipts(hq, toReceipts(results, source));
  // On PostgreSQL the screens read a replica: it takes in what was just imported before the job ends.
  await hq.replica?.refresh();
  // A file handed over from the page has served its purpose: HQ stored what it accepted,
  // and a held bundle keeps its own copy. Files anywhere else are the person's: left alone.
  const received = join(hq.paths.dir, 'received');
  for (const p of paths) {
    const rel = relative(received, resolve(p));
    if (rel && !rel.startsWith('..') && rel.split(/[\\/]/).length === 2) rmSync(dirname(resolve(p)), { recursive: true, force: true });
  }
  return results;
}

/** One chunk of a file handed over in the page, appended in order to HQ's received folder. */
export function receiveChunk(hq: Hq, input: { uploadId: string; fileName: string; offset: number; chunkBase64: string; last: boolean }): { received: number; path: string | null } {
  const dir = join(hq.paths.dir, 'received', input.uploadId);
  const file = join(dir, input.fileName);
  const have = existsSync(file) ? statSync(file).size : 0;
  if (input.offset !== have) throw refusal('invalid_input', msg('hqInbox.outOfOrder', { file: input.fileName, expected: have, got: input.offset }));
  const bytes = Buffer.from(input.chunkBase64, 'base64');
  if (have + bytes.length > MAX_RECEIVED_BYTES) throw refusal('rejected', msg('hqInbox.tooLarge', { file: input.fileName }));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  appendFileSync(file, bytes, { mode: 0o600 });
  return { received: have + bytes.length, path: input.last ? file : null };
}

export function auditorActivity(hq: Hq): AuditorActivity[] {
  const keys = hq.db.prepare('SELECT fingerprint FROM auditors ORDER BY enrolled_at').all() as Array<{ fingerprint: string }>;
  const last = hq.db.prepare('SELECT bundle_id, received_at, (SELECT count(*) FROM bundles WHERE fingerprint = @fp) AS n FROM bundles WHERE fingerprint = @fp ORDER BY received_at DESC, sequence DESC LIMIT 1');
  const audits = hq.db.prepare(`SELECT a.audit_id, v.site_name, v.revision, v.status FROM audit_owners o JOIN audits a ON a.audit_id = o.audit_id
    JOIN audit_versions v ON v.audit_id = a.audit_id AND v.head_hash = a.current_head WHERE o.fingerprint = ? ORDER BY v.site_name, a.audit_id`);
  return keys.map(({ fingerprint }) => {
    const l = last.get({ fp: fingerprint }) as { bundle_id: string; received_at: string; n: number } | undefined;
    return {
      fingerprint, bundles: l?.n ?? 0, lastBundleId: l?.bundle_id ?? null, lastBundleAt: l?.received_at ?? null,
      audits: (audits.all(fingerprint) as Array<Record<string, string | number>>).map((r) => ({ auditId: r.audit_id as string, siteName: r.site_name as string, revision: r.revision as number, status: r.status as string })),
    };
  });
}
