// The app and a command line on one data folder: each write must take the
// write lock when it begins. A deferred transaction that has already read
// fails at once with SQLITE_BUSY_SNAPSHOT when the other connection commits
// before it writes (busy_timeout does not help), so here the other
// connection tries to commit at exactly that moment: right after the app's
// first read inside the transaction.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Db } from '../../../electron/core/store/db';
import { makeSignature } from '../report/fixture';
import { seedAudit, testCore, type TestCore } from './helpers/core-fixture';

let app: TestCore;
let cli: Db;
beforeEach(async () => {
  app = await testCore();
  cli = new Database(join(app.core.dataDir, 'fairsite.db'));
  // In its own process the command line would wait for the lock; here it must not block the one thread.
  cli.pragma('busy_timeout = 0');
});
afterEach(() => { cli.close(); app.cleanup(); });

/**
 * The app's connection, with a hook after the first read inside a
 * transaction: the other connection commits then, or (when the app already
 * holds the write lock) is told to wait and commits after the app.
 */
function interleave(): { waited: () => boolean; other: () => void } {
  const real = app.core.db;
  let fired = false;
  let blocked = false;
  const cliWrite = () => cli.prepare("INSERT INTO settings (key, value) VALUES ('cli.wrote', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(Date.now()));
  const afterRead = () => {
    if (fired || !real.inTransaction) return;
    fired = true;
    try { cliWrite(); } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
      blocked = true;
    }
  };
  const wrapStatement = (s: ReturnType<Db['prepare']>) => new Proxy(s, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (prop === 'get' || prop === 'all') {
        return (...args: unknown[]) => { const r = (v as (...a: unknown[]) => unknown).apply(target, args); afterRead(); return r; };
      }
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  app.core.db = new Proxy(real, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (prop === 'prepare') return (sql: string) => wrapStatement(target.prepare(sql));
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return {
    waited: () => blocked,
    other: () => { app.core.db = real; if (blocked) cliWrite(); },
  };
}

const writes: Array<[string, (t: TestCore, auditId: string) => Promise<unknown>]> = [
  ['evidence settings', (t) => t.call('evidence.settings.save', { reportShowsGps: true, maxPhotoMB: 20 })],
  ['a document reviewed', (t, auditId) => t.call('documents.save', { auditId, kind: 'payroll_sample', title: 'March payroll' })],
  ['a worker interview', (t, auditId) => t.call('interviews.save', { auditId, code: 'W-07', type: 'individual', consent: true })],
  ['a drawn signature', async (t, auditId) => t.call('signoffs.save', { auditId, role: 'site_rep', name: 'R. Cruz', title: 'Site director', hasAuthority: true, pngBase64: (await makeSignature(1)).toString('base64') })],
  ['a note', (t, auditId) => t.call('notes.save', { auditId, scope: 'audit', ref: '', body: 'Fire exit on floor 3 was clear.' })],
];

describe('writes beside another connection', () => {
  it.each(writes)('%s: the other connection waits for the write lock, and both commits land', async (_name, save) => {
    const { audit } = await seedAudit(app);
    const hook = interleave();
    await save(app, audit.id);
    hook.other();
    expect(hook.waited()).toBe(true);
    expect(app.core.db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'cli.wrote'").get()).toEqual({ n: 1 });
    expect((await app.call('audits.verifyChain', { id: audit.id })).ok).toBe(true);
  });
});
