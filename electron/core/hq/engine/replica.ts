// The app's HQ screens on PostgreSQL read a local SQLite replica in HQ's
// folder (replica.db), with HQ's own schema, so every screen's read code
// (read/*.ts: synchronous better-sqlite3 statements, planned around SQLite's
// indexes) runs unchanged on either engine. Why a replica rather than
// asynchronous reads on the server: the screens' queries are many and
// written for SQLite; a second, asynchronous copy of each would drift, and a
// replica also lets the screens keep showing the last copy while the server
// is down. Its price is staleness, which the screens show ("as of 14:02").
//
// It follows the server's change log (PG 4, pg-migration-004.ts): a refresh
// reads, in one REPEATABLE READ snapshot, the changes after the last one it
// applied, then only the rows of the audits, bundles and files those changes
// name (and the small auditors table whole), and writes them in one SQLite
// transaction. Without a usable replica (first use, another database, an app
// with a newer HQ schema, or a last change older than the oldest the server
// kept: change-log.ts prunes the log) it copies every table into a new file,
// swapped in when complete. The screens never see half a refresh.
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { migrate, type Db } from '../../store/db';
import { writeFileAtomicSync } from '../../atomic-file';
import { write } from '../../store/write';
import { hqMigrations } from '../migrations';
import { inTx } from './pg-sql';
import { insertRows, KEYS } from './scratch';
import { PRUNED_THROUGH } from './change-log';

type Row = Record<string, unknown>;

export interface ReplicaState {
  /** The server database's `replica.instance`; another value: copy whole. */
  instance: string | null;
  /** The last change applied (hq_change.seq). */
  seq: number;
  /** HQ's SQLite schema the replica was built with. */
  schema: number;
  /** When the snapshot of the last successful refresh was taken. */
  asOf: string | null;
}

export interface RefreshResult {
  full: boolean;
  changes: number;
  audits: number;
  ms: number;
}

const PAGE = 5000;
/** Rows of one audit: replaced whole for every audit a change names. */
const AUDIT_TABLES = Object.keys(KEYS).filter((t) => KEYS[t]!.includes('audit_id'));
/** Copied whole on every refresh that has a change: a row per auditor. */
const SMALL_TABLES = ['auditors', 'handovers'];
/** The replica's own settings (the watched folder is a path on this machine) are never copied. */
const LOCAL_TABLES = new Set(['settings']);

export const replicaFile = (dir: string): string => join(dir, 'replica.db');
const stateFile = (dir: string): string => join(dir, 'replica.json');
const latestSchema = (): number => hqMigrations.reduce((n, m) => Math.max(n, m.version), 0);

export function readReplicaState(dir: string): ReplicaState {
  try {
    return JSON.parse(readFileSync(stateFile(dir), 'utf8')) as ReplicaState;
  } catch {
    return { instance: null, seq: 0, schema: 0, asOf: null };
  }
}

function saveState(dir: string, s: ReplicaState): void {
  writeFileAtomicSync(stateFile(dir), JSON.stringify(s));
}

function openFile(dir: string): Db {
  const db = new Database(replicaFile(dir));
  try {
    db.pragma('journal_mode = WAL');
    migrate(db, hqMigrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * The replica file, made (empty, HQ's schema) if absent. It is a copy: one
 * that cannot be opened (damaged) is removed and made again, and the next refresh copies the server whole into it.
 */
export function openReplicaDb(dir: string): Db {
  try {
    return openFile(dir);
  } catch {
    for (const f of [replicaFile(dir), `${replicaFile(dir)}-wal`, `${replicaFile(dir)}-shm`, stateFile(dir)]) rmSync(f, { force: true });
    return openFile(dir);
  }
}

async function pages(c: pg.PoolClient, table: string, each: (rows: Row[]) => void): Promise<void> {
  const key = KEYS[table] ?? [];
  if (!key.length) {
    each((await c.query(`SELECT * FROM ${table}`)).rows as Row[]);
    return;
  }
  const tuple = `(${key.join(', ')})`;
  for (let after: unknown[] | null = null; ;) {
    const cond = after ? `WHERE ${tuple} > (${key.map((_, i) => `$${i + 1}`).join(', ')})` : '';
    const rows = (await c.query(`SELECT * FROM ${table} ${cond} ORDER BY ${key.join(', ')} LIMIT ${PAGE}`, after ?? [])).rows as Row[];
    each(rows);
    if (rows.length < PAGE) return;
    after = key.map((k) => rows[rows.length - 1]![k]);
  }
}

function insertAll(db: Db, table: string, rows: Row[]): void {
  if (table === 'handovers') {
    const ins = db.prepare('INSERT INTO handovers (audit_id, from_fingerprint, to_fingerprint, at, reason) VALUES (@audit_id, @from_fingerprint, @to_fingerprint, @at, @reason)');
    for (const r of rows) ins.run(r);
    return;
  }
  insertRows(db, table, rows);
}

interface Head {
  instance: string;
  seq: number;
  /** Every change up to this one was pruned from the log (0: none). */
  pruned: number;
}

async function snapshotHead(c: pg.PoolClient): Promise<Head> {
  const r = (await c.query(`SELECT (SELECT value FROM settings WHERE key = 'replica.instance') AS instance,
    (SELECT coalesce(max(seq), 0) FROM hq_change) AS seq, (SELECT value FROM settings WHERE key = $1) AS pruned`, [PRUNED_THROUGH])).rows[0] as { instance: string; seq: number; pruned: string | null };
  const pruned = Number(r.pruned ?? 0);
  // A log pruned to nothing still names the last change it had.
  return { instance: r.instance, seq: Math.max(Number(r.seq), pruned), pruned };
}

/** Every table copied into a new file in one snapshot; the caller swaps it in. */
async function copyWhole(pool: pg.Pool, dir: string, at: string): Promise<{ state: ReplicaState; file: string }> {
  const file = `${replicaFile(dir)}.new`;
  rmSync(file, { force: true });
  const db = new Database(file);
  try {
    // A file being built: a crash leaves a partial .new, removed by the next copy; no journal or flush is needed until it is swapped in.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    migrate(db, hqMigrations);
    const head = await inTx(pool, async (c) => {
      const h = await snapshotHead(c);
      for (const t of [...Object.keys(KEYS), 'handovers']) {
        if (LOCAL_TABLES.has(t)) continue;
        await pages(c, t, (rows) => write({ db }, () => insertAll(db, t, rows)));
      }
      return h;
    }, { readOnly: true });
    return { state: { instance: head.instance, seq: head.seq, schema: latestSchema(), asOf: at }, file };
  } finally {
    db.close();
  }
}

/** On disk before it is renamed over the replica: a power cut never leaves a half-written file in its place. */
function flushFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

interface Delta {
  head: Head;
  audits: string[];
  tables: Map<string, Row[]>;
  bundles: Row[];
  files: Row[][];
  small: Map<string, Row[]>;
  changes: number;
}

/** The rows the changes after `seq` name, from one snapshot; null when the replica must be copied whole. */
async function readDelta(pool: pg.Pool, s: ReplicaState): Promise<Delta | null> {
  return inTx(pool, async (c) => {
    const head = await snapshotHead(c);
    // Another database, one started again, or changes this replica never saw pruned from the log: copied whole.
    if (head.instance !== s.instance || head.seq < s.seq || s.seq < head.pruned) return null;
    const delta: Delta = { head, audits: [], tables: new Map(), bundles: [], files: [], small: new Map(), changes: 0 };
    if (head.seq === s.seq) return delta;
    const ch = (await c.query('SELECT bundle_id, audit_ids, shas FROM hq_change WHERE seq > $1 AND seq <= $2', [s.seq, head.seq])).rows as Array<{ bundle_id: string | null; audit_ids: string[]; shas: string[] }>;
    delta.changes = ch.length;
    const audits = [...new Set(ch.flatMap((x) => x.audit_ids))].sort();
    const bundles = [...new Set(ch.map((x) => x.bundle_id).filter((x): x is string => !!x))];
    const shas = [...new Set(ch.flatMap((x) => x.shas))];
    delta.audits = audits;
    if (audits.length) {
      for (const t of AUDIT_TABLES) {
        const extra = t === 'hq_follow_up' ? ' OR follow_up_of = ANY($1)' : '';
        delta.tables.set(t, (await c.query(`SELECT * FROM ${t} WHERE audit_id = ANY($1)${extra}`, [audits])).rows as Row[]);
      }
    }
    delta.bundles = (await c.query('SELECT * FROM bundles WHERE bundle_id = ANY($1)', [bundles])).rows as Row[];
    delta.files = [
      (await c.query('SELECT * FROM photos WHERE sha256 = ANY($1)', [shas])).rows as Row[],
      (await c.query('SELECT * FROM reports WHERE sha256 = ANY($1) OR audit_id = ANY($2)', [shas, audits])).rows as Row[],
    ];
    for (const t of SMALL_TABLES) delta.small.set(t, (await c.query(`SELECT * FROM ${t}`)).rows as Row[]);
    return delta;
  }, { readOnly: true });
}

/** One SQLite transaction: the screens read the replica before it or after it. */
function applyDelta(db: Db, d: Delta): void {
  write({ db }, () => {
    const ids = JSON.stringify(d.audits);
    for (const [t, rows] of d.tables) {
      const extra = t === 'hq_follow_up' ? ' OR follow_up_of IN (SELECT value FROM json_each(@ids))' : '';
      db.prepare(`DELETE FROM ${t} WHERE audit_id IN (SELECT value FROM json_each(@ids))${extra}`).run({ ids });
      insertRows(db, t, rows);
    }
    insertRows(db, 'bundles', d.bundles);
    insertRows(db, 'photos', d.files[0] ?? []);
    insertRows(db, 'reports', d.files[1] ?? []);
    for (const [t, rows] of d.small) {
      db.prepare(`DELETE FROM ${t}`).run();
      insertAll(db, t, rows);
    }
  });
}

export interface ReplicaTarget {
  dir: string;
  /** The replica as the screens read it; replaced when it is copied whole. */
  db: Db;
}

/**
 * Brings the replica up to the server's latest committed change. Throws what
 * the server said (the caller keeps the last replica and shows the error).
 */
export async function refreshReplica(pool: pg.Pool, target: ReplicaTarget): Promise<RefreshResult> {
  const t0 = performance.now();
  const at = new Date().toISOString();
  const s = readReplicaState(target.dir);
  const delta = s.schema === latestSchema() && existsSync(replicaFile(target.dir)) ? await readDelta(pool, s) : null;
  if (delta) {
    if (delta.changes) applyDelta(target.db, delta);
    saveState(target.dir, { ...s, seq: delta.head.seq, asOf: at });
    return { full: false, changes: delta.changes, audits: delta.audits.length, ms: performance.now() - t0 };
  }
  const { state, file } = await copyWhole(pool, target.dir, at);
  // The watched folder and other local settings stay with this machine.
  const local = target.db.open ? (target.db.prepare('SELECT key, value FROM settings').all() as Row[]) : [];
  flushFile(file);
  if (target.db.open) target.db.close();
  for (const ext of ['', '-wal', '-shm']) rmSync(`${replicaFile(target.dir)}${ext}`, { force: true });
  renameSync(file, replicaFile(target.dir));
  target.db = openReplicaDb(target.dir);
  write(target, () => insertRows(target.db, 'settings', local));
  saveState(target.dir, state);
  return { full: true, changes: 0, audits: (target.db.prepare('SELECT count(*) AS n FROM audits').get() as { n: number }).n, ms: performance.now() - t0 };
}
