// The server dropping a connection between two statements of a transaction
// (restarted, or stopped by its administrator) is the next statement's
// failure, which the caller handles and reports; it must not arrive as an
// 'error' event nobody listens to, which would end the app's process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTx, openPool } from '../../../electron/core/hq/engine/pg-sql';
import { pgUnavailable, startPg, type PgServer } from './pg-server';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

describe.skipIf(!!skip)('a connection the server drops in a transaction', () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startPg();
  }, 60_000);
  afterAll(() => server?.stop());

  it('fails the transaction, leaves the process running, and the pool connects afresh', async () => {
    const pool = openPool(server.url);
    const admin = openPool(server.url);
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      await expect(inTx(pool, async (c) => {
        const pid = ((await c.query('SELECT pg_backend_pid() AS p')).rows[0] as { p: number }).p;
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        // The termination reaches this connection while no statement runs on it.
        await new Promise((r) => setTimeout(r, 300));
        await c.query('SELECT 1');
      })).rejects.toThrow();
      expect(uncaught).toEqual([]);
      expect((await inTx(pool, async (c) => (await c.query('SELECT 2 AS n')).rows)).map((r) => (r as { n: number }).n)).toEqual([2]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await pool.end();
      await admin.end();
    }
  });
});
