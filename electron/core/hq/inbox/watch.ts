// The watched inbox folder (the WebDAV upload target, mounted or synced):
// its bundle files are imported by themselves. Polling, not fs.watch: change
// events are unreliable on network and synced folders, and a file still
// being written must not be read. A file is imported once its size and
// modification time are the same on two scans in a row; each file version
// is imported once (a restart remembers it through the receipts).
import { msg, type Message } from '../../../../shared/messages';
import { coreEnglish } from '../../../../shared/core-messages';
import { AppError } from '../../../../shared/errors';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Hq } from '../context';
import { importBundles } from '../import';
import { appendReceipts, readReceipts, toReceipts } from './receipts';
import { serialImport } from './queue';

export interface WatchOptions {
  intervalMs?: number;
}

export interface InboxWatcher {
  folder: string;
  lastScanAt: string | null;
  scanError: string | null;
  /** The same as a message, for the UI to say (absent for an error the core did not word). */
  scanErrorText?: Message | null;
  /** One scan now (the timer keeps its own pace); resolves when its imports are done. */
  scan(): Promise<void>;
  stop(): void;
}

const keyOf = (name: string, size: number, mtimeMs: number): string => `${name}:${size}:${Math.trunc(mtimeMs)}`;

export function watchFolder(hq: Hq, folder: string, opts: WatchOptions = {}): InboxWatcher {
  const interval = opts.intervalMs ?? 3000;
  const done = new Set(readReceipts(hq).filter((r) => r.source === 'watched' && r.key).map((r) => r.key!));
  let previous = new Map<string, string>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const scanOnce = async (): Promise<void> => {
    let names: string[];
    try {
      names = readdirSync(folder).filter((n) => n.endsWith('.fsb')).sort();
      w.scanError = null;
      w.scanErrorText = null;
    } catch (e) {
      w.scanErrorText = msg('hqInbox.unreadable', { folder, code: (e as NodeJS.ErrnoException).code ?? 'error' });
      w.scanError = coreEnglish(w.scanErrorText);
      w.lastScanAt = new Date().toISOString();
      return;
    }
    const seen = new Map<string, string>();
    const ready: Array<{ path: string; key: string }> = [];
    for (const name of names) {
      const path = join(folder, name);
      let st;
      try {
        st = statSync(path);
      } catch {
        continue; // gone between the listing and now
      }
      if (!st.isFile()) continue;
      const key = keyOf(name, st.size, st.mtimeMs);
      seen.set(path, key);
      if (!done.has(key) && previous.get(path) === key) ready.push({ path, key });
    }
    previous = seen;
    w.lastScanAt = new Date().toISOString();
    if (!ready.length || stopped || !hq.db.open) return;
    const keys = new Map(ready.map((r) => [r.path, r.key]));
    const results = await serialImport(hq, () => importBundles(hq, ready.map((r) => r.path)));
    for (const r of ready) done.add(r.key);
    appendReceipts(hq, toReceipts(results, 'watched', undefined, (f) => keys.get(f)));
    await hq.replica?.refresh();
  };

  const tick = (): void => {
    if (stopped || !hq.db.open) return; // HQ closed: the watcher ends with it
    running = running.then(scanOnce).catch((e: unknown) => {
      w.scanError = e instanceof Error ? e.message : String(e);
      w.scanErrorText = e instanceof AppError ? e.text ?? null : null;
    });
    void running.then(() => {
      if (stopped || !hq.db.open) return;
      timer = setTimeout(tick, interval);
      timer.unref();
    });
  };

  const w: InboxWatcher = {
    folder,
    lastScanAt: null,
    scanError: null,
    scan: () => {
      running = running.then(scanOnce);
      return running;
    },
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
  tick();
  return w;
}
