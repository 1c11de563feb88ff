// The PostgreSQL engine sends a bundle's reads in one message and its writes
// with the COMMIT in another, their data written into the SQL as
// dollar-quoted literals. Tested on a real server: any text (quotes,
// backslashes, dollar signs, the quoting tag itself, lone surrogates) comes
// back as it went in; an error among the writes leaves nothing written; and
// bundles that touch many rows — a full bundle again after incremental ones,
// every document read back from staging on each pass — end in exactly the
// rows the SQLite engine writes, in order and out of order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBundleFile } from '../../../electron/core/hq/import';
import { inTx, inlined, jsonText, literal, openPool, quoted, together } from '../../../electron/core/hq/engine/pg-sql';
import { exportBundle } from '../../../electron/core/bundle/export';
import { markAcked } from '../../../electron/core/sync/outbox-store';
import type { HqFolder } from '../../../electron/core/hq/context';
import { enrolLaptop, makeHq } from '../bundle/hq';
import { addPhotos, changeOneAnswer, editableAuditId, makeLaptop, type Laptop } from '../bundle/laptop';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { cycleStateOf, enrolInput, makePgHq, queryOf, stateOf } from './pg-hq';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

/** Every document past the kept budget: read back from staging on every pass over the bundle's audits. */
const REREAD = { limits: { keptDocBytes: 0 } };

describe.skipIf(!!skip)('HQ on PostgreSQL: reads and writes sent together', () => {
  let root: string;
  let server: PgServer;
  let laptop: Laptop;
  let files: string[];
  const open: HqFolder[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-hqpg-batch-'));
    server = await startPg();
    laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
    const out = (n: string) => join(root, `${n}.fsb`);
    const sent = async (name: string, full = false) => {
      const b = await exportBundle(laptop.core, { out: out(name), full });
      markAcked(laptop.core.db, b.bundleId);
      return out(name);
    };
    files = [await sent('full1')];
    changeOneAnswer(laptop.core, 'second answer');
    files.push(await sent('inc2'));
    await addPhotos(laptop.core, editableAuditId(laptop.core), 2, 64, 48);
    changeOneAnswer(laptop.core, 'third answer');
    files.push(await sent('inc3'));
    // Everything again, as after a restore: every audit HQ holds, its events known, one answer newer.
    changeOneAnswer(laptop.core, 'fourth answer');
    files.push(await sent('full4', true));
  }, 180_000);

  afterAll(async () => {
    for (const hq of open) await hq.store.close();
    laptop?.core.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function imported(order: string[], pg: boolean, name = ''): Promise<unknown> {
    let hq: HqFolder;
    let q: ReturnType<typeof queryOf>;
    if (pg) {
      hq = await makePgHq(root, await createDatabase(server, name));
      await hq.store.enrol(enrolInput(laptop.core));
      open.push(hq);
      q = queryOf(hq);
    } else {
      const lite = await makeHq(root);
      enrolLaptop(lite, laptop.core);
      hq = lite;
      q = queryOf(lite);
    }
    const statuses: string[] = [];
    for (const f of order) {
      const r = await importBundleFile(hq, f, REREAD);
      statuses.push(r.status, ...(r.released ?? []).map((x) => `released ${x.status}`));
    }
    const state = { statuses, ...(await stateOf(q) as object), ...(await cycleStateOf(q)) };
    for (const f of order) expect((await importBundleFile(hq, f, REREAD)).status).toBe('already_imported');
    expect({ statuses, ...(await stateOf(q) as object), ...(await cycleStateOf(q)) }).toEqual(state);
    if (!pg) hq.close();
    return state;
  }

  it('a full bundle after incremental ones, documents read back from staging: the rows SQLite writes', async () => {
    const lite = await imported(files, false);
    const st = lite as { statuses: string[]; events: unknown[]; readRows: unknown[][]; photos: unknown[] };
    expect(st.statuses).toEqual(['imported', 'imported', 'imported', 'imported']);
    expect(st.events.length).toBeGreaterThan(100);
    expect(st.readRows[0]!.length).toBeGreaterThan(50);
    expect(st.photos).toHaveLength(2);
    expect(await imported(files, true, 'inorder')).toEqual(lite);
  }, 240_000);

  it('out of order (held, then released by their base): the rows SQLite writes in that order', async () => {
    const order = [files[2]!, files[1]!, files[3]!, files[0]!];
    const lite = await imported(order, false);
    expect((lite as { statuses: string[] }).statuses).toContain('held');
    expect(await imported(order, true, 'reversed')).toEqual(lite);
  }, 240_000);

  it('texts written into the SQL come back as they went in', async () => {
    const pool = openPool(server.url);
    try {
      const texts = ['', '$', '$$', '$j', '$j$', 'a$j', 'a$j$b', '$j0$ and $j$ and $j1$', "it's", 'back\\slash', '\\u0000 as text', 'é ü 漢字 🎉',
        'ends in $j', 'ends in $j0', 'ends in $', '$j$j$j$'];
      const back = (await together(pool, texts.map((t) => `SELECT ${quoted(t)} AS t`))).map((r) => (r.rows[0] as { t: string }).t);
      expect(back).toEqual(texts);
      // Through JSON, as the writes send rows: a lone surrogate becomes U+FFFD, as the driver's UTF-8 would make it.
      const rows = texts.map((t, i) => ({ i, t })).concat([{ i: 99, t: 'lone \ud800 surrogate' }]);
      const r = await pool.query(`SELECT i, t FROM json_to_recordset(${quoted(jsonText(rows))}::json) AS x(i int, t text) ORDER BY i`);
      expect(r.rows).toEqual([...texts.map((t, i) => ({ i, t })), { i: 99, t: 'lone \ufffd surrogate' }]);
      expect(literal(null)).toBe('NULL');
      const mixed = await pool.query(inlined('SELECT ? AS a, ? AS b, ?::text[] AS c, ?::int[] AS d', ["x'$j$?", 42, ['p', '$q$', ''], [3, 1]]));
      expect(mixed.rows[0]).toEqual({ a: "x'$j$?", b: 42, c: ['p', '$q$', ''], d: [3, 1] });
    } finally {
      await pool.end();
    }
  });

  it('an error among the writes sent with the COMMIT leaves nothing written', async () => {
    const pool = openPool(server.url);
    try {
      await pool.query('CREATE TABLE batch_probe (k int PRIMARY KEY)');
      await expect(inTx(pool, async (_c, tx) => {
        expect(tx.first.map((x) => x.rows)).toEqual([[{ n: 1 }]]);
        tx.atCommit.push('INSERT INTO batch_probe VALUES (1)', 'INSERT INTO batch_probe VALUES (2)', 'INSERT INTO batch_probe VALUES (1)');
      }, { first: ['SELECT 1 AS n'] })).rejects.toThrow(/duplicate key/);
      expect((await pool.query('SELECT count(*)::int AS n FROM batch_probe')).rows).toEqual([{ n: 0 }]);
      // The connection went back clean: the next transaction commits.
      await inTx(pool, async (_c, tx) => { tx.atCommit.push('INSERT INTO batch_probe VALUES (3)'); });
      const snap = await inTx(pool, async (_c, tx) => tx.first.map((x) => x.rows), { readOnly: true, onlyFirst: true, first: ['SELECT k FROM batch_probe', 'SELECT 2 AS two'] });
      expect(snap).toEqual([[{ k: 3 }], [{ two: 2 }]]);
    } finally {
      await pool.end();
    }
  });
});
