// Integrity checking that keeps opening fast. `quick_check` reads every page,
// so on a large file it costs seconds; opening does a bounded check instead
// (the header, the schema, the small tables) and the full check runs on its
// own thread with its own read-only connection, never delaying a reply. If
// it finds damage, the connection the app writes with is switched to
// query_only: nothing more is written to the damaged file, and the result is
// there for the UI to show (app.integrity).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './db';
import { optimize } from './optimize';
import { coreEnglish } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

/** Below this size the full check runs on open: it takes well under a second even from a cold disk. */
export const FULL_CHECK_ON_OPEN_MAX_BYTES = 8 * 1024 * 1024;

/** Tables small whatever the years bring; checked on every open. */
const SMALL_TABLES = ['profile', 'settings', 'sites', 'templates', 'audits', 'bundles_out'];

export interface IntegrityState {
  state: 'checking' | 'ok' | 'damaged' | 'unchecked';
  /** What was checked when opening ('full' or 'bounded'). */
  onOpen: 'full' | 'bounded';
  checkedAt: string | null;
  problems: string[];
}

export const damagedMessage = (file: string) => coreEnglish(msg('storage.damaged', { file }));

/** The state as the contract gives it (app.integrity). */
export function integrityReport(s: IntegrityState, file: string) {
  const text = s.state === 'damaged' ? msg('storage.damaged', { file }) : null;
  return { ...s, problems: [...s.problems], message: text && coreEnglish(text), text };
}

export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * What can be checked without reading the file: the header names SQLite and
 * a valid page size, and, where SQLite vouches for the page count it wrote
 * there, the file is not shorter than that (a truncated copy is the most
 * common damage after a bad USB transfer or a full disk).
 */
export function headerProblems(file: string): string[] {
  const size = fileSize(file);
  if (size === 0) return [];
  const h = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, h, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (h.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return ['the file is not a database'];
  const raw = h.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return [`the header names an impossible page size (${raw})`];
  const pages = h.readUInt32BE(28);
  const counterValid = h.readUInt32BE(24) === h.readUInt32BE(92);
  if (counterValid && pages > 0 && size < pages * pageSize) return [`the file is shorter than its header says (${size} of ${pages * pageSize} bytes)`];
  return [];
}

/** The bounded check: header, schema, and a quick_check of each small table. */
export function boundedProblems(db: Db, file: string): string[] {
  const header = headerProblems(file);
  if (header.length) return header;
  const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
  const out: string[] = [];
  for (const t of SMALL_TABLES) {
    if (!tables.has(t)) continue;
    const rows = db.pragma(`quick_check(${t})`) as Array<{ quick_check: string }>;
    out.push(...rows.map((r) => r.quick_check).filter((s) => s !== 'ok'));
  }
  return out;
}

// Plain CommonJS for an eval'd worker; the driver's path is resolved here so
// the worker finds it wherever the app was installed.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let Database;
let reply;
try {
  Database = require(workerData.driver);
} catch (err) {
  // The check could not run here: that says nothing about the file.
  reply = { error: String((err && err.message) || err) };
}
if (Database) try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    reply = { problems: db.pragma('quick_check').map((r) => r.quick_check).filter((s) => s !== 'ok') };
  } finally {
    db.close();
  }
} catch (err) {
  const message = String((err && err.message) || err);
  // A file SQLite cannot read as a database is damaged; busy or out of memory says nothing about it.
  reply = /^SQLITE_(CORRUPT|NOTADB)/.test(String(err && err.code)) ? { problems: [message] } : { error: message };
}
parentPort.postMessage(reply);
`;

export interface BackgroundCheck {
  done: Promise<IntegrityState>;
  stop(): void;
}

/** Runs quick_check on another thread; on damage, `writer` stops writing (query_only). */
export function checkInBackground(file: string, writer: Db, state: IntegrityState, delayMs: number): BackgroundCheck {
  let worker: Worker | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let settle!: (s: IntegrityState) => void;
  const done = new Promise<IntegrityState>((resolve) => { settle = resolve; });
  const finish = (problems: string[] | null, why?: string) => {
    if (state.state !== 'checking') return;
    if (problems === null) {
      state.state = 'unchecked';
      state.problems = why ? [`The full check could not run: ${why}`] : [];
    } else {
      state.problems = problems.slice(0, 20);
      state.checkedAt = new Date().toISOString();
      state.state = problems.length ? 'damaged' : 'ok';
      if (problems.length && writer.open) writer.pragma('query_only = ON');
      else if (writer.open) {
        try { optimize(writer, true); } catch { /* statistics can wait for the next start */ }
      }
    }
    settle(state);
  };
  const start = () => {
    timer = null;
    if (stopped) return;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // Referenced: a process that opened the core waits for the verdict unless it closes the core first.
    worker = new Worker(WORKER, { eval: true, workerData: { file, driver } });
    // Only what SQLite reported about the file counts as damage; a check that could not run leaves the state 'unchecked'.
    worker.once('message', (m: { problems?: string[]; error?: string }) => finish(m.problems ?? null, m.error));
    worker.once('error', (err) => finish(null, err.message));
    worker.once('exit', () => { if (state.state === 'checking') finish(null, stopped ? 'closed before the check ended' : 'the check stopped before it finished'); });
  };
  if (delayMs > 0) {
    timer = setTimeout(start, delayMs);
    timer.unref();
  } else {
    start();
  }
  return {
    done,
    stop() {
      stopped = true;
      if (timer) { clearTimeout(timer); finish(null, 'closed before the check started'); }
      void worker?.terminate();
    },
  };
}
