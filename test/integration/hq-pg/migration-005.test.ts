// PG 5, closure evidence found by its hash (SQLite's HQ 6): a database at
// PG 4 holding evidence records migrates with its rows unchanged and gains
// the index, on the same columns as SQLite's; the lookup by hash answers as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migratePg } from '../../../electron/core/hq/engine/pg-migrate';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

const SHA = 'ab'.repeat(32);

describe.skipIf(!!skip)('PostgreSQL migration PG 5 (closure evidence by hash)', () => {
  let root: string;
  let server: PgServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-pgmig5-'));
    server = await startPg();
  }, 120_000);

  afterAll(() => {
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('PG 4 with evidence records, then PG 5: the rows unchanged and the index there', async () => {
    const url = await createDatabase(server, 'mig5');
    const pool = new pg.Pool({ connectionString: url });
    try {
      expect(await migratePg(pool, url, 4)).toBe(4);
      for (const [audit, seq, name, sha] of [['b', 1, 'later.pdf', SHA], ['a', 2, 'first.pdf', SHA], ['a', 1, 'other.pdf', 'cd'.repeat(32)]] as const) {
        await pool.query(`INSERT INTO hq_closure_evidence (audit_id, seq, evidence_id, action_id, name, media_type, size, sha256, source, received_at, description)
          VALUES ($1, $2, $3, 'a1', $4, 'application/pdf', 10, $5, 'site_sent', '2026-02-01', '')`, [audit, seq, `e${seq}${audit}`, name, sha]);
      }
      const rows = async () => (await pool.query('SELECT * FROM hq_closure_evidence ORDER BY audit_id, seq')).rows;
      const before = await rows();
      const index = async () => (await pool.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'hq_closure_evidence_sha'")).rows;
      expect(await index()).toEqual([]);

      expect(await migratePg(pool, url, 5)).toBe(5);
      expect(await rows()).toEqual(before);
      expect(await index()).toEqual([{ indexdef: expect.stringMatching(/ON public\.hq_closure_evidence USING btree \(sha256, audit_id, seq\)$/) }]);
      expect((await pool.query('SELECT name FROM hq_closure_evidence WHERE sha256 = $1 ORDER BY audit_id, seq LIMIT 1', [SHA])).rows).toEqual([{ name: 'first.pdf' }]);
    } finally {
      await pool.end();
    }
  }, 60_000);
});
