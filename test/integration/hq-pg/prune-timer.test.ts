// The change log is pruned on the replica's refresh timer (engine/prune-timer.ts),
// on a real PostgreSQL: an HQ app that never imports prunes an old log from
// its timer, at most once per period; a prune that fails (its pool closed)
// is told to the error hook and the refresh goes on bringing the server's
// changes to the screens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Hq, HqFolder } from '../../../electron/core/hq/context';
import { openPgAppHq } from '../../../electron/core/hq/engine/app-hq';
import { pgStoreOf } from '../../../electron/core/hq/engine/open';
import { KEEP, PRUNED_THROUGH, pruneChangeLog } from '../../../electron/core/hq/engine/change-log';
import type { PruneOnTimer } from '../../../electron/core/hq/engine/prune-timer';
import { passphraseBox } from '../../../electron/core/keys/secret-box';
import { createDatabase, pgUnavailable, startPg, type PgServer } from './pg-server';
import { HQ_PASSPHRASE, makePgHq } from './pg-hq';

const skip = pgUnavailable();
if (skip) console.log(`PostgreSQL tests skipped: ${skip}`);

const key = () => generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();

async function until(what: string, ok: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!!skip)('the change log is pruned on the refresh timer', () => {
  let root: string;
  let server: PgServer;
  let url: string;
  let admin: HqFolder;
  const apps: Hq[] = [];
  const keep = { ...KEEP };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fs-hqprunetimer-'));
    server = await startPg();
    url = await createDatabase(server, 'prunetimer');
    admin = await makePgHq(root, url);
  }, 120_000);

  afterAll(async () => {
    Object.assign(KEEP, keep);
    for (const a of apps) a.close();
    await admin?.store.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const pool = () => pgStoreOf(admin)!.pool;
  const log = async () => (await pool().query('SELECT seq FROM hq_change ORDER BY seq')).rows.map((r: { seq: number }) => Number(r.seq));
  const through = async () => Number(((await pool().query('SELECT value FROM settings WHERE key = $1', [PRUNED_THROUGH])).rows[0] as { value: string } | undefined)?.value ?? 0);
  const addOld = (day: string) => pool().query("INSERT INTO hq_change (at, kind) VALUES ($1, 'auditor') RETURNING seq", [`${day}T00:00:00.000Z`]).then((r) => Number((r.rows[0] as { seq: number }).seq));
  const app = async (prune: PruneOnTimer) => {
    const a = await openPgAppHq(mkdtempSync(join(root, 'fs-app-')), passphraseBox(HQ_PASSPHRASE), url, { intervalMs: 100, prune });
    apps.push(a);
    return a;
  };
  const names = (a: Hq) => (a.db.prepare('SELECT name FROM auditors ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);

  it('a process that never imports prunes an old log from its timer, once per period', async () => {
    // The log is cut by sequence: the old changes come first, as on a real server.
    const old = [await addOld('2026-01-01'), await addOld('2026-01-02')];
    await admin.store.enrol({ publicKey: key(), auditorId: 'AUD-001', name: 'Asha Rao' });
    const recent = (await log()).filter((s) => !old.includes(s));
    expect(recent.length).toBeGreaterThan(0);
    // Only the age bound: the count bound (10,000) would keep this short log whole.
    Object.assign(KEEP, { changes: 0 });
    const errors: unknown[] = [];
    const reader = await app({ everyMs: 60_000, onError: (e) => errors.push(e) });
    await until('the old changes are pruned', async () => (await log()).every((s) => !old.includes(s)));
    expect(await through()).toBe(old[1]);
    expect(await log()).toEqual(recent);
    await until('the replica has the auditor', () => names(reader).includes('Asha Rao'));
    // Within the period the timer does not prune again, though it keeps refreshing.
    const later = await addOld('2026-01-03');
    await admin.store.enrol({ publicKey: key(), auditorId: 'AUD-002', name: 'Ben Okafor' });
    await until('the replica has the second auditor', () => names(reader).includes('Ben Okafor'));
    await new Promise((r) => setTimeout(r, 500));
    expect(await log()).toContain(later);
    expect(errors).toEqual([]);
    expect(reader.replica!.status().error).toBeNull();
    reader.close();
    // Another process (its own period) prunes it.
    await app({ everyMs: 60_000 });
    await until('the later old change is pruned', async () => !(await log()).includes(later));
  }, 60_000);

  it('a failing prune is told, not thrown, and the refresh goes on', async () => {
    const old = await addOld('2026-02-01');
    const closed = new pg.Pool({ connectionString: url });
    await closed.end();
    const errors: unknown[] = [];
    const reader = await app({ everyMs: 0, prune: () => pruneChangeLog(closed), onError: (e) => errors.push(e) });
    await until('the replica has the auditors', () => names(reader).length === 2);
    await until('a prune failed', () => errors.length >= 2);
    await admin.store.enrol({ publicKey: key(), auditorId: 'AUD-003', name: 'Carl Mendes' });
    await until('the replica has the new auditor', () => names(reader).includes('Carl Mendes'));
    expect(reader.replica!.status().error).toBeNull();
    expect(String(errors[0])).toMatch(/pool|end/i);
    // Nothing was pruned by the failing process.
    expect(await log()).toContain(old);
  }, 60_000);
});
