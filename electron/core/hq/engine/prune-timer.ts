// The change log is also pruned on the replica's refresh timer, not only
// after an import batch (pg-store.ts optimize): a PostgreSQL HQ whose
// machines only read (analysts who never import) would otherwise keep every
// change for ever. At most once per `everyMs` in a process, in the
// background: the refresh never waits for it and never sees its error (the
// next tick after `everyMs` tries again). Which machine prunes is still
// settled by the pruner's own advisory lock (change-log.ts): one prunes, the
// others skip.
import type pg from 'pg';
import { pruneChangeLog, type Pruned } from './change-log';

/** How often a process prunes from its refresh timer. */
export const PRUNE_EVERY_MS = 3_600_000;

export interface PruneOnTimer {
  /** Time between prunes from the timer (PRUNE_EVERY_MS). */
  everyMs?: number;
  /** The prune itself (pruneChangeLog on the store's pool). */
  prune?: (pool: pg.Pool) => Promise<Pruned>;
  /** Where a failed prune is told: it is never thrown into the refresh. */
  onError?: (e: unknown) => void;
}

/** Called on every tick: starts a prune when the last one started `everyMs` ago or more, and returns at once. */
export function pruneOnTimer(pool: () => Promise<pg.Pool>, opts: PruneOnTimer = {}): { tick(): void } {
  const everyMs = opts.everyMs ?? PRUNE_EVERY_MS;
  const prune = opts.prune ?? ((p: pg.Pool) => pruneChangeLog(p));
  // A failed prune is not the screens' business (the refresh reports the server's state); the process's log says it.
  const onError = opts.onError ?? ((e: unknown) => console.warn('Pruning the HQ change log failed; retried within the hour:', e instanceof Error ? e.message : e));
  let last = -Infinity;
  let busy = false;
  return {
    tick() {
      const now = Date.now();
      if (busy || now - last < everyMs) return;
      last = now;
      busy = true;
      void (async () => {
        try {
          await prune(await pool());
        } catch (e) {
          onError(e);
        } finally {
          busy = false;
        }
      })();
    },
  };
}
