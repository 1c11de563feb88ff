// HQ settings' database field through the app's operations, against a real
// PostgreSQL whose `analyst` role signs in with a password (scram): a bad
// address, a wrong password, an unreachable server and a database a newer
// app made are refused with what to do and nothing saved; the right one is
// saved with the password sealed
// (never in the settings row, never sent back, never in a message); HQ then
// imports to the server and its screens read the replica; back to SQLite, the
// HQ folder's own database is read again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import { openCore, type Core } from '../../../electron/core/core';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { chooseRole } from '../../../electron/core/install-role';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { enrolInput, makeBundleSet, type BundleSet } from './pg-hq';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

const PASSWORD = 'Correct horse 7!';

describe.skipIf(!!skip)('HQ settings: the database field', () => {
  let root: string;
  let server: PgServer;
  let set: BundleSet;
  let core: Core;
  let url: string;

  async function call(op: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
    return createDispatch(handlers, core)(op, input) as never;
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-hqdbset-'));
    server = await startPg();
    set = await makeBundleSet(root);
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE analyst LOGIN PASSWORD '${PASSWORD}'`);
      await createDatabase(server, 'hqset');
      await admin.query('ALTER DATABASE hqset OWNER TO analyst');
      // The analyst signs in with a password; pg_hba's first matching line wins, so it goes before the trust lines.
      const hba = join(server.dir, 'data', 'pg_hba.conf');
      writeFileSync(hba, `host all analyst 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`);
      await admin.query('SELECT pg_reload_conf()');
    } finally {
      await admin.end();
    }
    url = `postgres://analyst@127.0.0.1:${server.port}/hqset`;
    core = await openCore({ dataDir: join(root, 'install'), secretBox: passphraseBox('install-passphrase') });
    chooseRole(core, 'hq');
  }, 180_000);

  afterAll(() => {
    core?.close();
    set?.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a bad address, a wrong password, a server that does not answer and a newer schema, saving nothing', async () => {
    const bad = await call('hq.setDatabase', { url: 'mysql://analyst@127.0.0.1/hqset', password: '' });
    expect(bad.error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/must start with postgres:\/\//) });
    const noDb = await call('hq.setDatabase', { url: `postgres://analyst@127.0.0.1:${server.port}`, password: '' });
    expect(noDb.error?.message).toMatch(/names no database/);
    const wrong = await call('hq.setDatabase', { url, password: 'wrong-password-xyz' });
    expect(wrong.error?.message).toMatch(/refused user "analyst".*Enter the right password in HQ settings/);
    expect(wrong.error?.message).not.toContain('wrong-password-xyz');
    const down = await call('hq.setDatabase', { url: `postgres://analyst@127.0.0.1:${server.port + 1}/hqset`, password: PASSWORD });
    expect(down.error?.message).toMatch(/could not be reached.*Check that the server runs/);
    expect(down.error?.message).not.toContain(PASSWORD);
    // A database a newer Fairsite made: this app would not understand it, so it is refused, never written.
    const newer = await createDatabase(server, 'hqnewer');
    const admin = new pg.Pool({ connectionString: newer });
    try {
      await admin.query('CREATE TABLE hq_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      await admin.query("INSERT INTO hq_schema VALUES (99, 'future', 'x')");
      const refused = await call('hq.setDatabase', { url: newer, password: '' });
      expect(refused.error?.message).toMatch(/schema version 99, newer than this app knows.*Update Fairsite/);
      expect((await admin.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows).toEqual([{ n: 1 }]);
    } finally {
      await admin.end();
    }
    expect((await call('hq.database', {})).value).toMatchObject({ engine: 'sqlite', url: null, hasPassword: false });
    expect(core.db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'hq.database'").get()).toEqual({ n: 0 });
  });

  it('saves the right one with the password sealed; imports go to the server and the screens read the replica', async () => {
    const saved = await call('hq.setDatabase', { url, password: PASSWORD });
    expect(saved.ok).toBe(true);
    expect(saved.value).toMatchObject({ engine: 'postgres', url, hasPassword: true, error: null, asOf: expect.any(String) });
    expect(JSON.stringify(saved.value)).not.toContain(PASSWORD);
    const row = core.db.prepare("SELECT value FROM settings WHERE key = 'hq.database'").get() as { value: string };
    expect(row.value).not.toContain(PASSWORD);
    expect(row.value).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(JSON.parse(row.value)).toMatchObject({ url, sealed: expect.any(String) });

    for (const l of [set.a.core, set.b.core]) expect((await call('hq.enrol', enrolInput(l))).ok).toBe(true);
    const { jobId } = (await call('hq.importInbox', { paths: [set.files.a1, set.files.b1], source: 'picked' })).value as { jobId: string };
    const job = await core.jobs.wait(jobId);
    expect(job.state, job.error?.message).toBe('done');
    expect((job.result as Array<{ status: string }>).map((r) => r.status)).toEqual(['imported', 'imported']);
    // On the server…
    const pool = new pg.Pool({ connectionString: url.replace('analyst@', `analyst:${encodeURIComponent(PASSWORD)}@`) });
    try {
      expect((await pool.query('SELECT count(*)::int AS n FROM bundles')).rows).toEqual([{ n: 2 }]);
    } finally {
      await pool.end();
    }
    // …and on the screens, through the replica, with no more than the import's own refresh.
    const audits = (await call('hq.audits', {})).value as { total: number };
    expect(audits.total).toBeGreaterThan(1);
    const inbox = (await call('hq.inbox', {})).value as { bundles: unknown[] };
    expect(inbox.bundles).toHaveLength(2);
    expect(((await call('hq.auditorActivity', {})).value as unknown[]).length).toBe(2);

    // Saved again with another address on the same server and user: the kept password is used.
    const again = await call('hq.setDatabase', { url, password: '' });
    expect(again.value).toMatchObject({ engine: 'postgres', hasPassword: true, error: null });
  });

  it('back to the built-in database: the HQ folder\'s own, which never received those bundles', async () => {
    const back = await call('hq.setDatabase', { url: null, password: '' });
    expect(back.value).toMatchObject({ engine: 'sqlite', url: null, hasPassword: false, fromEnvironment: false });
    // Kept as a choice (no address, no password), so FAIRSITE_HQ_DB does not take its place.
    expect(core.db.prepare("SELECT value FROM settings WHERE key = 'hq.database'").get()).toEqual({ value: JSON.stringify({ url: null, sealed: '' }) });
    const inbox = (await call('hq.inbox', {})).value as { bundles: unknown[] };
    expect(inbox.bundles).toHaveLength(0);
  });
});
