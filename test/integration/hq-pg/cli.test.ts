// `fairsite hq …` with HQ's database on a real PostgreSQL (--db URL or
// FAIRSITE_HQ_DB): init creates the schema, enrol, import, status, export
// (the same CSV, XLSX row count and audit JSON as an SQLite HQ given the
// same bundle), revoke; and the refusals say what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../electron/cli/main';
import type { Io } from '../../../electron/cli/io';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';

const env = { FAIRSITE_PASSPHRASE: 'cli-test-passphrase' } as NodeJS.ProcessEnv;
async function run(argv: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), env: { ...env, ...extraEnv } };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

describe.skipIf(!!skip)('fairsite hq on PostgreSQL', () => {
  let root: string;
  let server: PgServer;
  let url: string;
  let lap: string;
  let file: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-pgcli-'));
    server = await startPg();
    url = await createDatabase(server, 'clihq');
    lap = join(root, 'lap');
    expect((await run(['demo', '--data', lap])).code).toBe(0);
    file = join(root, 'b.fsb');
    expect((await run(['bundle', 'export', '--data', lap, '--all', '--out', file])).code).toBe(0);
  }, 120_000);
  afterAll(() => {
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  /** init, enrol, import, status on one HQ; `db` args select the engine. */
  async function flow(dir: string, db: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
    const init = await run(['hq', 'init', '--data', dir, ...db], extraEnv);
    expect(init.code, init.err).toBe(0);
    const en = await run(['hq', 'enrol', '--data', dir, ...db, '--key', join(lap, 'keys', 'signing-key.pub'), '--auditor-id', 'MS-DEMO', '--name', 'Maria Santos'], extraEnv);
    expect(en.code, en.err).toBe(0);
    const imp = await run(['hq', 'import', '--data', dir, ...db, file], extraEnv);
    expect(imp.code, imp.err).toBe(0);
    expect(imp.out).toMatch(/1 imported/);
    const again = await run(['hq', 'import', '--data', dir, ...db, file], extraEnv);
    expect(again.out).toMatch(/0 imported, 1 already imported/);
    const st = await run(['hq', 'status', '--data', dir, ...db, '--json'], extraEnv);
    expect(st.code, st.err).toBe(0);
    return st.out;
  }

  it('init, enrol, import, status and exports give what an SQLite HQ gives; revoke refuses the key', async () => {
    const sqliteDir = join(root, 'hq-sqlite');
    const pgDir = join(root, 'hq-pg');
    const sqliteStatus = JSON.parse(await flow(sqliteDir, [])) as { audits: unknown[]; auditors: Array<{ fingerprint: string }> };
    // The URL from the environment for all but init.
    const init = await run(['hq', 'init', '--data', pgDir, '--db', url]);
    expect(init.out).toMatch(/PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/clihq, schema up to date/);
    const pgStatus = JSON.parse(await flow(pgDir, [], { FAIRSITE_HQ_DB: url })) as typeof sqliteStatus;
    expect(pgStatus.audits).toEqual(sqliteStatus.audits);
    expect(pgStatus.audits.length).toBeGreaterThan(1);
    expect((await run(['hq', 'status', '--data', pgDir], { FAIRSITE_HQ_DB: url })).out).toMatch(/HQ database: PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/clihq/);

    for (const what of ['audits', 'findings', 'actions']) {
      const outs = [];
      for (const [dir, db] of [[sqliteDir, []], [pgDir, ['--db', url]]] as const) {
        const out = join(root, `${what}-${dir.endsWith('pg') ? 'pg' : 'sqlite'}.csv`);
        const r = await run(['hq', 'export', '--data', dir, ...db, '--what', what, '--format', 'csv', '--out', out]);
        expect(r.code, r.err).toBe(0);
        outs.push(readFileSync(out, 'utf8'));
      }
      expect(outs[1]).toBe(outs[0]);
      expect(outs[0]!.split('\r\n').length).toBeGreaterThan(2);
    }
    const xlsx = await run(['hq', 'export', '--data', pgDir, '--db', url, '--what', 'findings', '--format', 'xlsx', '--out', join(root, 'f.xlsx')]);
    expect(xlsx.out).toMatch(/Wrote \d+ rows/);
    const auditId = (pgStatus.audits[0] as { auditId: string }).auditId;
    const json = [];
    for (const [dir, db] of [[sqliteDir, []], [pgDir, ['--db', url]]] as const) {
      const out = join(root, `audit-${json.length}.json`);
      const r = await run(['hq', 'export', '--data', dir, ...db, '--what', 'audit', '--audit', auditId, '--out', out]);
      expect(r.code, r.err).toBe(0);
      // When each HQ ran its export and its import are the only differences allowed.
      json.push(JSON.parse(readFileSync(out, 'utf8'), (k, v: unknown) => (k === 'exportedAt' || k === 'importedAt' ? undefined : v)) as unknown);
    }
    expect(json[1]).toEqual(json[0]);

    const fp = pgStatus.auditors[0]!.fingerprint;
    const rev = await run(['hq', 'revoke', '--data', pgDir, '--db', url, '--fingerprint', fp]);
    expect(rev.code, rev.err).toBe(0);
    const b2 = join(root, 'b2.fsb');
    expect((await run(['bundle', 'export', '--data', lap, '--all', '--out', b2])).code).toBe(0);
    const refused = await run(['hq', 'import', '--data', pgDir, '--db', url, b2]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/REJECTED/);
  }, 180_000);

  it('refusals name what to do', async () => {
    const noData = await run(['hq', 'status', '--db', url]);
    expect(noData.code).not.toBe(0);
    expect(noData.err).toMatch(/give HQ's folder too: --data HQ_DIR/);
    const other = await run(['hq', 'status', '--data', join(root, 'x'), '--db', 'mysql://h/db']);
    expect(other.err).toMatch(/mysql is not supported/);
    const empty = await createDatabase(server, 'emptycli');
    const notInit = await run(['hq', 'import', '--data', join(root, 'x'), '--db', empty, file]);
    expect(notInit.err).toMatch(/holds no headquarters yet\. Run "fairsite hq init --data HQ_DIR --db postgres:/);
    const down = await run(['hq', 'status', '--data', join(root, 'x'), '--db', 'postgres://fs:secret@127.0.0.1:1/hq']);
    expect(down.err).toMatch(/could not be reached/);
    expect(down.err).not.toMatch(/secret/);
  }, 60_000);
});
