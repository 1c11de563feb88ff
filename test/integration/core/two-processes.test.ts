// The app and the command line may use one data folder at once: a save
// made while another process holds the write lock waits its turn.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedAudit, testCore, type TestCore } from './helpers/core-fixture';

const require = createRequire(import.meta.url);
const sqlite = require.resolve('better-sqlite3');
let t: TestCore;
beforeEach(async () => { t = await testCore(); });
afterEach(() => t.cleanup());

/** Another process writes and holds the write lock for `ms`, after the caller has read. */
function holdWriteLock(file: string, ms: number): Promise<{ started: Promise<void>; done: Promise<number | null> }> {
  const code = `const D = require(${JSON.stringify(sqlite)}); const db = new D(${JSON.stringify(file)}); db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE'); db.prepare("INSERT INTO settings (key, value) VALUES ('other-process', 'was here')").run();
    process.stdout.write('locked\\n'); const end = Date.now() + ${ms}; while (Date.now() < end) {} db.exec('COMMIT'); db.close();`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const started = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return Promise.resolve({ started, done });
}

describe('two processes on one database', () => {
  it('a save waits for the other writer and then succeeds', async () => {
    const { audit } = await seedAudit(t);
    await t.call('responses.save', { auditId: audit.id, itemId: 's1.i1', value: { kind: 'compliance', answer: 'compliant' } });
    const other = await holdWriteLock(join(t.core.dataDir, 'fairsite.db'), 400);
    await other.started;
    const t0 = Date.now();
    const r = await t.dispatch('responses.save', { auditId: audit.id, itemId: 's1.i1', value: { kind: 'compliance', answer: 'not_applicable' } });
    expect(r.ok).toBe(true);
    expect(Date.now() - t0).toBeGreaterThan(100);
    expect(await other.done).toBe(0);
    expect(t.core.db.prepare("SELECT value FROM settings WHERE key = 'other-process'").get()).toEqual({ value: 'was here' });
    expect((await t.call('audits.verifyChain', { id: audit.id })).ok).toBe(true);
  });
});
