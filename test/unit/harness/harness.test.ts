// The harness end to end: a real core on a real SQLite file, over HTTP.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHarness, type Harness } from '../../../electron/harness/server';
import { passphraseBox } from '../../../electron/core/keys/secret-box';

let dir: string;
let h: Harness;
const call = async (op: string, input: unknown) => {
  const res = await fetch(new URL('api/call', h.url), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ op, input }),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; fields?: unknown[] } } };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fairsite-harness-e2e-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Fairsite</title>');
  h = await createHarness({ dataDir: join(dir, 'data'), port: 0, secretBox: passphraseBox('test pass'), rendererRoot: join(dir, 'renderer') });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('createHarness', () => {
  it('serves the renderer on 127.0.0.1', async () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(h.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Fairsite</title>');
  });

  it('creates a site through the handlers and it lands in the database file', async () => {
    const created = await call('sites.create', { name: 'Manila North Contact Centre', country: 'PH', clients: ['Acme Telecom'] });
    expect(created.status).toBe(200);
    expect(created.body.ok).toBe(true);
    const listed = await call('sites.list', {});
    expect(listed.body).toMatchObject({ ok: true, value: [{ name: 'Manila North Contact Centre', country: 'PH' }] });
    const info = await call('app.info', {});
    const dbPath = (info.body.value as { databasePath: string }).databasePath;
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT name, country FROM sites').all()).toEqual([{ name: 'Manila North Contact Centre', country: 'PH' }]);
    } finally {
      db.close();
    }
  });

  it('returns structured errors for bad input and unknown operations', async () => {
    const bad = await call('sites.create', { name: '', country: 'Philippines' });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(bad.body.error?.fields?.length).toBeGreaterThan(0);
    expect((await call('sites.drop', {})).body).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect((await call('__proto__', {})).body).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
  });

  it('answers 413 to a body over 8 MB and stays up', async () => {
    const res = await fetch(new URL('api/call', h.url), {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ op: 'templates.import', input: { json: 'x'.repeat(9 * 1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await call('sites.list', {})).body.ok).toBe(true);
  });
});
