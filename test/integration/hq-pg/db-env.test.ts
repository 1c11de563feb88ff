// FAIRSITE_HQ_DB against HQ settings, with a real PostgreSQL: the variable
// chooses the server while nothing was chosen in settings (and settings say
// so); once the person chooses the built-in database there, the app stays on
// it — after a restart too — and no longer says the variable chose; choosing
// the server again in settings is a setting, not the variable's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import { openCore, type Core } from '../../../electron/core/core';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { chooseRole } from '../../../electron/core/install-role';
import { hqDatabaseUrl } from '../../../electron/core/hq/engine/db-setting';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

describe.skipIf(!!skip)('FAIRSITE_HQ_DB and the database chosen in HQ settings', () => {
  let root: string;
  let server: PgServer;
  let url: string;
  let core: Core;
  const saved = process.env.FAIRSITE_HQ_DB;

  const open = () => openCore({ dataDir: join(root, 'install'), secretBox: passphraseBox('install-passphrase') });
  const call = async (op: string, input: unknown): Promise<Record<string, unknown>> => {
    const r = await createDispatch(handlers, core)(op, input) as { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };
    if (!r.ok) throw new Error(r.error?.message);
    return r.value!;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-hqdbenv-'));
    server = await startPg();
    url = await createDatabase(server, 'hqenv');
    process.env.FAIRSITE_HQ_DB = url;
    core = await open();
    chooseRole(core, 'hq');
  }, 120_000);

  afterAll(() => {
    if (saved === undefined) delete process.env.FAIRSITE_HQ_DB;
    else process.env.FAIRSITE_HQ_DB = saved;
    core?.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('nothing chosen: the variable\'s server, and settings say the variable chose it', async () => {
    expect(hqDatabaseUrl(core)).toBe(url);
    expect(await call('hq.database', {})).toMatchObject({ engine: 'postgres', fromEnvironment: true });
  });

  it('the built-in database chosen in settings wins over the variable, after a restart too', async () => {
    expect(await call('hq.setDatabase', { url: null, password: '' })).toMatchObject({ engine: 'sqlite', url: null, fromEnvironment: false });
    expect(hqDatabaseUrl(core)).toBeNull();
    core.close();
    core = await open();
    expect(hqDatabaseUrl(core)).toBeNull();
    expect(await call('hq.database', {})).toMatchObject({ engine: 'sqlite', url: null, fromEnvironment: false });
  });

  it('the server chosen again in settings is the setting\'s choice', async () => {
    expect(await call('hq.setDatabase', { url, password: '' })).toMatchObject({ engine: 'postgres', fromEnvironment: false });
    delete process.env.FAIRSITE_HQ_DB;
    expect(hqDatabaseUrl(core)).toBe(new URL(url).toString());
  });
});
