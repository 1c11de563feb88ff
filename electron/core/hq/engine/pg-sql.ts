// The PostgreSQL connection: a small pool, SQL written with `?` as SQLite
// takes it (numbered here), and transactions. Applying a bundle holds one
// transaction-scoped advisory lock: importers on several machines verify in
// parallel (the expensive part) and apply one at a time, each seeing every
// bundle committed before it; unique keys and ON CONFLICT make a repeated
// write a no-op. A serialization failure or deadlock is retried.
//
// Round trips are what an apply costs most (each one waits for the server
// and then for this process to be scheduled again, which on a busy machine
// dominates): BEGIN and the lock go in one, and a transaction's writes can
// go with its COMMIT in one (the simple protocol, which runs several
// statements in one message but takes no parameters: their data is then
// written into the SQL as dollar-quoted literals, which need no escaping).
import pg from 'pg';
import { AppError } from '../../../../shared/errors';
import { refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';

export type PgConn = pg.Pool | pg.PoolClient;

/** The advisory lock keys (one 64-bit number space per database): apply and hold, and migrations. */
export const APPLY_LOCK = 0x46534851; // 'FSHQ'
export const MIGRATE_LOCK = 0x46534d47; // 'FSMG'

/** `?` placeholders (SQLite's) as PostgreSQL's $1, $2…; the SQL here never holds a literal question mark. */
export function numbered(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

export async function rows<T>(c: PgConn, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await c.query(numbered(sql), params)).rows as T[];
}

export async function row<T>(c: PgConn, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(c, sql, params))[0];
}

/** The URL as it may be shown: without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export function isPgUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//i.test(s);
}

export function openPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url, max: 4, application_name: 'fairsite-hq', connectionTimeoutMillis: 10_000,
    // bigint columns (sizes) as numbers: none comes near 2^53.
    types: { getTypeParser: (oid: number, format?: string) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) },
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/** A connection error in words that say what to do. */
export function unreachable(url: string, e: unknown): AppError {
  const code = (e as { code?: string }).code;
  if (code === '28P01' || code === '28000') {
    const user = (() => { try { return new URL(url).username; } catch { return ''; } })();
    return refusal('not_ready', msg('pg.refusedUser', { address: redactUrl(url), user }));
  }
  if (code === '3D000') return refusal('not_found', msg('pg.noDatabase', { address: redactUrl(url) }));
  return refusal('not_ready', msg('pg.unreachable', { address: redactUrl(url), error: withoutPassword(url, (e as Error).message || String(e)) }));
}

/** The driver's own words, with the password cut out should it ever repeat it. */
function withoutPassword(url: string, text: string): string {
  let password = '';
  try { password = decodeURIComponent(new URL(url).password); } catch { /* no address, no password */ }
  return password ? text.split(password).join('***') : text;
}

const RETRY = new Set(['40001', '40P01']);

/**
 * A text as a dollar-quoted literal, its tag chosen so that the literal can
 * end only where it is meant to: the tag neither occurs in the text nor
 * begins at its end (a text ending in `$j` would close `$j$` early; a lone
 * `$` at its end is read as text). The tags tried begin with every letter in
 * turn, so a text's end rules out few of them and the search ends. The
 * server reads the text exactly as it is, whatever it holds.
 */
export function quoted(text: string): string {
  const clashes = (tag: string) => text.includes(tag) || [...tag].some((_, k) => k > 1 && text.endsWith(tag.slice(0, k)));
  let tag = '$j$';
  for (let i = 10; clashes(tag); i++) tag = `$${String.fromCharCode(97 + ((i + 9) % 26))}${i >= 26 ? Math.floor(i / 26) : ''}$`;
  return `${tag}${text}${tag}`;
}

/** A lone UTF-16 surrogate, which JSON.stringify writes as an escape the server's JSON parser refuses. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A value as JSON text the server's json type reads. A lone surrogate is
 * written as U+FFFD, as the driver's UTF-8 encoding of a parameter would;
 * JSON.stringify escapes them only when they occur, so the common case costs one scan.
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value);
  if (!text.includes('\\ud')) return text;
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? v.replace(LONE_SURROGATE, '\ufffd') : v));
}

/**
 * A parameter written into the SQL: a text dollar-quoted, a number as its
 * digits, an array as one read from JSON text (ARRAY(…) is computed once, so
 * `= ANY(…)` finds rows through an index as a parameter would).
 */
export function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string') return quoted(v);
  if (Array.isArray(v)) return `ARRAY(SELECT json_array_elements_text(${quoted(jsonText(v))}::json))`;
  throw new Error(`no SQL literal for a ${typeof v}`);
}

/** SQL written with `?` (as SQLite takes it), its parameters written in as literals: for statements sent together. */
export function inlined(sql: string, params: unknown[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => literal(params[i++]));
}

/** Statements sent in one message (the simple protocol): their results, one per statement. */
export async function together(c: PgConn, statements: string[]): Promise<pg.QueryResult[]> {
  if (!statements.length) return [];
  const r = (await c.query(statements.join(';\n'))) as pg.QueryResult | pg.QueryResult[];
  return Array.isArray(r) ? r : [r];
}

/** What a transaction sends with its BEGIN and with its COMMIT, in the same round trips (written with inlined()). */
export interface Tx {
  /** The results of `opts.first`, run after BEGIN and the lock. */
  first: pg.QueryResult[];
  /** Run before the COMMIT, in its message; an error in one rolls everything back. */
  atCommit: string[];
}

export interface TxOptions {
  lock?: number;
  readOnly?: boolean;
  /** Statements run after BEGIN (and the lock) in the same round trip; their results are `tx.first`. */
  first?: string[];
  /** `first` is the whole transaction: its COMMIT goes in the same round trip, and `fn` reads the results after it (a snapshot read in one round trip). */
  onlyFirst?: boolean;
}

/** One transaction; with `lock`, the apply lock is held until it ends. Retried on serialization failures and deadlocks. */
export async function inTx<T>(pool: pg.Pool, fn: (c: pg.PoolClient, tx: Tx) => Promise<T>, opts: TxOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const c = await pool.connect();
    // The server going away between two statements is said by the next one, which fails; as an event it would end the process.
    let broken: unknown = null;
    const onError = (e: unknown) => { broken = e; };
    c.on('error', onError);
    const tx: Tx = { first: [], atCommit: [] };
    let open = true;
    try {
      // One round trip: BEGIN, the lock (its key a number of this module's, never data) and the first statements.
      const begin = [opts.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN'];
      if (opts.lock !== undefined) begin.push(`SELECT pg_advisory_xact_lock(${Math.trunc(opts.lock)})`);
      const first = opts.first ?? [];
      tx.first = (await together(c, [...begin, ...first, ...(opts.onlyFirst ? ['COMMIT'] : [])])).slice(begin.length, begin.length + first.length);
      if (opts.onlyFirst) {
        open = false;
        return await fn(c, tx);
      }
      const out = await fn(c, tx);
      await together(c, [...tx.atCommit, 'COMMIT']);
      return out;
    } catch (e) {
      if (open) await c.query('ROLLBACK').catch(() => {});
      if (attempt < 5 && RETRY.has((e as { code?: string }).code ?? '')) continue;
      throw e;
    } finally {
      c.off('error', onError);
      // A connection the server dropped is not given back to the pool.
      c.release(broken ? (broken as Error) : undefined);
    }
  }
}
