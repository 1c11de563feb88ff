// The replica's refresh at 2,000 audits on a real PostgreSQL: the audits of
// the bundle set imported by the real code, then their rows copied on the
// server under new audit ids until HQ holds 2,000; the first refresh copies
// every table, and a refresh after one bundle (one audit changed) copies that
// audit's rows only and takes a fraction of it. Prints the figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBundleFile } from '../../../electron/core/hq/import';
import type { Hq, HqFolder } from '../../../electron/core/hq/context';
import { openPgAppHq } from '../../../electron/core/hq/engine/app-hq';
import { pgStoreOf } from '../../../electron/core/hq/engine/open';
import { KEYS } from '../../../electron/core/hq/engine/scratch';
import type { RefreshResult } from '../../../electron/core/hq/engine/replica';
import { exportBundle } from '../../../electron/core/bundle/export';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { changeOneAnswer } from '../bundle/laptop';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { enrolInput, HQ_PASSPHRASE, makeBundleSet, makePgHq, type BundleSet } from './pg-hq';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

const AUDITS = 2000;
const IDS = new Set(['audit_id', 'root_id', 'previous_id', 'follow_up_of']);

describe.skipIf(!!skip)('HQ replica refresh at 2,000 audits', () => {
  let root: string;
  let server: PgServer;
  let set: BundleSet;
  let importer: HqFolder;
  let app: Hq;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-hqrepscale-'));
    server = await startPg();
    set = await makeBundleSet(root);
    const url = await createDatabase(server, 'scale');
    importer = await makePgHq(root, url);
    for (const l of [set.a.core, set.b.core]) await importer.store.enrol(enrolInput(l));
    for (const f of Object.values(set.files)) expect((await importBundleFile(importer, f)).status).toBe('imported');
    // Every per-audit row copied under new audit ids (the real audits' rows, as many times as it takes).
    const pool = pgStoreOf(importer)!.pool;
    const have = Number((await pool.query('SELECT count(*) FROM audits')).rows[0].count);
    const times = Math.ceil((AUDITS - have) / have);
    for (const t of Object.keys(KEYS).filter((x) => KEYS[x]!.includes('audit_id'))) {
      const cols = ((await pool.query('SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position', [t])).rows as Array<{ column_name: string }>).map((r) => r.column_name);
      // Each copy its own family: its revisions and follow-ups point at copies too.
      const select = cols.map((c) => (IDS.has(c) ? `${c} || '-copy-' || g` : c)).join(', ');
      await pool.query(`INSERT INTO ${t} (${cols.join(', ')}) SELECT ${select} FROM ${t} CROSS JOIN generate_series(1, ${times}) g`);
    }
    await pool.query('ANALYZE');
    app = await openPgAppHq(mkdtempSync(join(root, 'fs-app-')), passphraseBox(HQ_PASSPHRASE), url, { intervalMs: 3_600_000 });
  }, 300_000);

  afterAll(async () => {
    app?.close();
    await importer?.store.close();
    set?.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('copies every table once, then only the audit a bundle changed', async () => {
    await app.replica!.refresh(); // the copy opening HQ started
    // Timed: a copy whole again, as a replica with no state of its own is.
    rmSync(join(app.paths.dir, 'replica.json'));
    const full = (await app.replica!.refresh()) as RefreshResult;
    const audits = (app.db.prepare('SELECT count(*) AS n FROM audits').get() as { n: number }).n;
    expect(full.full).toBe(true);
    expect(audits).toBeGreaterThanOrEqual(AUDITS);
    const idle = (await app.replica!.refresh()) as RefreshResult;
    expect(idle).toMatchObject({ full: false, changes: 0, audits: 0 });
    const one: RefreshResult[] = [];
    for (const n of [4, 5, 6]) {
      changeOneAnswer(set.a.core, `answer ${n}`);
      const out = join(root, `a${n}.fsb`);
      await exportBundle(set.a.core, { out });
      expect((await importBundleFile(importer, out)).status).toBe('imported');
      const r = (await app.replica!.refresh()) as RefreshResult;
      expect(r).toMatchObject({ full: false, changes: 1 });
      // The audit the bundle carries, and the revisions and follow-ups it links to: a handful, not 2,000.
      expect(r.audits).toBeLessThanOrEqual(3);
      one.push(r);
    }
    const ms = one.map((r) => r.ms).sort((a, b) => a - b);
    console.log(`replica at ${audits} audits: full copy ${full.ms.toFixed(0)} ms; refresh with nothing new ${idle.ms.toFixed(1)} ms; `
      + `refresh after one bundle (${one.map((r) => r.audits).join('/')} audits copied) ${ms.map((x) => x.toFixed(1)).join(' / ')} ms`);
    expect(ms[1]!).toBeLessThan(full.ms);
  }, 240_000);
});
