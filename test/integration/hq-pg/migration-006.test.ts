// PG 6, hand-overs in the change log and its index by time: a database at
// PG 5 whose log holds changes migrates with them unchanged; before it the
// log refuses a 'handover' entry, after it takes one, and still refuses a
// kind it does not know; the pruner's index is there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migratePg } from '../../../electron/core/hq/engine/pg-migrate';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

describe.skipIf(!!skip)('PostgreSQL migration PG 6 (hand-overs in the change log)', () => {
  let root: string;
  let server: PgServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-pgmig6-'));
    server = await startPg();
  }, 120_000);

  afterAll(() => {
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('PG 5 with changes logged, then PG 6: the changes unchanged and a hand-over loggable', async () => {
    const url = await createDatabase(server, 'mig6');
    const pool = new pg.Pool({ connectionString: url });
    const log = (kind: string, audits: string[]) => pool.query('INSERT INTO hq_change (at, kind, bundle_id, audit_ids, shas) VALUES ($1, $2, NULL, $3, $4)', ['2026-11-01T00:00:00.000Z', kind, audits, []]);
    try {
      expect(await migratePg(pool, url, 5)).toBe(5);
      await log('applied', ['a1', 'a2']);
      await log('auditor', []);
      const rows = async () => (await pool.query('SELECT seq, at, kind, bundle_id, audit_ids, shas FROM hq_change ORDER BY seq')).rows;
      const before = await rows();
      await expect(log('handover', ['a1'])).rejects.toMatchObject({ code: '23514' });

      const index = async () => (await pool.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'hq_change_at'")).rows;
      expect(await index()).toEqual([]);
      expect(await migratePg(pool, url, 6)).toBe(6);
      expect(await index()).toEqual([{ indexdef: expect.stringMatching(/ON public\.hq_change USING btree \(at, seq\)$/) }]);
      expect((await rows()).slice(0, 2)).toEqual(before);
      await log('handover', ['a1']);
      expect((await rows()).at(-1)).toMatchObject({ kind: 'handover', audit_ids: ['a1'] });
      await expect(log('renamed', [])).rejects.toMatchObject({ code: '23514' });
    } finally {
      await pool.end();
    }
  }, 60_000);
});
