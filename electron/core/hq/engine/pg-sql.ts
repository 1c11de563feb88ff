// The PostgreSQL connection: a small pool, SQL written with `?` as SQLite
// takes it (numbered here), and transactions. Applying a bundle holds one
// transaction-scoped advisory lock: importers on several machines verify in
// parallel (the expensive part) and apply one at a time, each seeing every
// bundle committed before it; unique keys and ON CONFLICT make a repeated
// write a no-op. A serialization failure or deadlock is retried.
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

/** One transaction; with `lock`, the apply lock is held until it ends. Retried on serialization failures and deadlocks. */
export async function inTx<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>, opts: { lock?: number; readOnly?: boolean } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const c = await pool.connect();
    // The server going away between two statements is said by the next one, which fails; as an event it would end the process.
    let broken: unknown = null;
    const onError = (e: unknown) => { broken = e; };
    c.on('error', onError);
    try {
      await c.query(opts.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
      if (opts.lock !== undefined) await c.query('SELECT pg_advisory_xact_lock($1)', [opts.lock]);
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      if (attempt < 5 && RETRY.has((e as { code?: string }).code ?? '')) continue;
      throw e;
    } finally {
      c.off('error', onError);
      // A connection the server dropped is not given back to the pool.
      c.release(broken ? (broken as Error) : undefined);
    }
  }
}
