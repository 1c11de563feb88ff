// HQ mode on PostgreSQL, as the app opens it: imports, enrolments and holds
// go to the server (the PostgreSQL engine, connected on first use and again
// after a failure), and the screens read the local replica (replica.ts),
// refreshed after each import and on a timer so other analysts' imports
// appear. When the server cannot be reached the screens keep the last
// replica and say how old it is and what to do.
import { mkdirSync } from 'node:fs';
import { AppError } from '../../../../shared/errors';
import type { SecretBox } from '../../keys/secret-box';
import { hqPaths, type Hq, type HqReplica, type ReplicaStatus } from '../context';
import { cleanStaging } from '../import-files';
import { redactUrl, unreachable } from './pg-sql';
import { openPgStore, type PgStore } from './pg-store';
import { openReplicaDb, readReplicaState, refreshReplica, type RefreshResult, type ReplicaTarget } from './replica';
import type { HqStore } from './types';
import { pruneOnTimer, type PruneOnTimer } from './prune-timer';

/** How often the replica asks the server for changes. */
export const REFRESH_MS = Number(process.env.FAIRSITE_HQ_REFRESH_MS) || 15_000;

/** What went wrong with the server, in words that say what to do (a message, its English beside it); never the password. */
export function explainPg(url: string, e: unknown): AppError {
  return e instanceof AppError ? e : unreachable(url, e);
}

/** The engine's interface over a connection made on first use, and made again after it failed. */
function lazyStore(url: string): HqStore & { connect(): Promise<PgStore> } {
  let current: Promise<PgStore> | null = null;
  const connect = (): Promise<PgStore> => {
    current ??= openPgStore(url).catch((e: unknown) => {
      current = null;
      throw e;
    });
    return current;
  };
  const via = <K extends keyof HqStore>(k: K) => (async (...a: unknown[]) => ((await connect())[k] as (...x: unknown[]) => unknown)(...a)) as HqStore[K];
  return {
    engine: 'postgres',
    where: redactUrl(url),
    connect,
    bundleByHash: via('bundleByHash'), bundleById: via('bundleById'), heldBaseOf: via('heldBaseOf'), enrolments: via('enrolments'),
    check: via('check'), hold: via('hold'), apply: via('apply'), heldBundles: via('heldBundles'), listHeld: via('listHeld'),
    listAuditors: via('listAuditors'), enrol: via('enrol'), revoke: via('revoke'), handOver: via('handOver'), audits: via('audits'), optimize: via('optimize'),
    close: async () => {
      const c = current;
      current = null;
      if (c) await (await c.catch(() => null))?.close();
    },
  };
}

export async function openPgAppHq(dir: string, box: SecretBox, url: string, opts: { intervalMs?: number; prune?: PruneOnTimer } = {}): Promise<Hq> {
  const paths = hqPaths(dir);
  mkdirSync(paths.dir, { recursive: true });
  const store = lazyStore(url);
  let error: AppError | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  let queued: Promise<RefreshResult | null> | null = null;
  let running = false;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const once = async (): Promise<RefreshResult | null> => {
    try {
      const pg = await store.connect();
      const r = await refreshReplica(pg.pool, target);
      error = null;
      return r;
    } catch (e) {
      error = explainPg(url, e);
      return null;
    }
  };
  // One refresh at a time. Asked for while one runs, another is queued after it (the running one may have taken its
  // snapshot before the import committed); asked for again while that one waits, the queued one answers both.
  const refresh = (): Promise<RefreshResult | null> => {
    if (closed) return Promise.resolve(null);
    if (queued) return queued;
    const next = tail.then(async () => {
      queued = null;
      running = true;
      try {
        return closed ? null : await once();
      } finally {
        running = false;
      }
    });
    queued = next;
    tail = next;
    return next;
  };
  const replica: HqReplica = {
    refresh,
    status: (): ReplicaStatus => {
      const s = readReplicaState(paths.dir);
      return { engine: 'postgres', where: store.where, asOf: s.asOf, error: error?.message ?? null, errorText: error?.text ?? null, refreshing: running, version: s.instance ? `${s.instance}:${s.seq}` : null };
    },
  };
  const hq: Hq = {
    db: openReplicaDb(paths.dir), paths, box, store, replica,
    close: () => {
      closed = true;
      if (timer) clearInterval(timer);
      if (hq.db.open) hq.db.close();
      void store.close().catch(() => {});
    },
  };
  const target: ReplicaTarget = { dir: paths.dir, get db() { return hq.db; }, set db(d) { hq.db = d; } };
  cleanStaging(hq);
  // A machine that never imports prunes too, from this timer (prune-timer.ts); the refresh does not wait for it.
  const pruner = pruneOnTimer(async () => (await store.connect()).pool, opts.prune);
  timer = setInterval(() => {
    void refresh();
    if (!closed) pruner.tick();
  }, opts.intervalMs ?? REFRESH_MS);
  timer.unref();
  void refresh();
  return hq;
}
