import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowedHost, isLoopbackAddress, isSameOrigin, startHttp, type RunningServer } from '../../../electron/harness/http';
import type { Dispatch } from '../../../electron/handlers/dispatch';

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function send(port: number, opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path ?? '/', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const calls: unknown[][] = [];
const dispatch: Dispatch = async (op, input) => {
  calls.push([op, input]);
  return { ok: true, value: { op, input } };
};

let dir: string;
let srv: RunningServer;
let host: string;
const json = (body: unknown, extra: Record<string, string> = {}) => ({
  method: 'POST', path: '/api/call', body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', host, ...extra },
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fairsite-harness-'));
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Fairsite harness</title>');
  writeFileSync(join(dir, 'renderer', 'assets', 'a.js'), 'export {}');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  srv = await startHttp({ dispatch, rendererRoot: join(dir, 'renderer'), port: 0, maxBodyBytes: 1024 * 1024 });
  host = `127.0.0.1:${srv.port}`;
});
afterAll(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('guards as functions', () => {
  it('knows loopback addresses', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.2')).toBe(false);
    expect(isLoopbackAddress('::ffff:192.168.1.4')).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
  });
  it('accepts only its own Host', () => {
    expect(isAllowedHost('127.0.0.1:5178', 5178)).toBe(true);
    expect(isAllowedHost('localhost:5178', 5178)).toBe(true);
    expect(isAllowedHost('127.0.0.1:5179', 5178)).toBe(false);
    expect(isAllowedHost('evil.example:5178', 5178)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 5178)).toBe(false);
    expect(isAllowedHost(undefined, 5178)).toBe(false);
  });
  it('accepts same-origin calls only', () => {
    expect(isSameOrigin({}, 80)).toBe(true);
    expect(isSameOrigin({ origin: 'http://127.0.0.1:80', 'sec-fetch-site': 'same-origin' }, 80)).toBe(true);
    expect(isSameOrigin({ origin: 'https://evil.example' }, 80)).toBe(false);
    expect(isSameOrigin({ origin: 'null' }, 80)).toBe(false);
    expect(isSameOrigin({ 'sec-fetch-site': 'cross-site' }, 80)).toBe(false);
  });
});

describe('the harness server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/`);
    expect(srv.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves index.html and assets with the CSP', async () => {
    const r = await send(srv.port, { headers: { host } });
    expect(r.status).toBe(200);
    expect(r.body).toContain('Fairsite harness');
    expect(r.headers['content-security-policy']).toMatch(/^default-src 'self'/);
    expect((await send(srv.port, { path: '/assets/a.js', headers: { host: `localhost:${srv.port}` } })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    for (const h of ['evil.example', `evil.example:${srv.port}`, '127.0.0.1:1', `192.168.0.10:${srv.port}`]) {
      const r = await send(srv.port, { headers: { host: h } });
      expect(r.status, h).toBe(403);
      expect(r.body).not.toContain('Fairsite harness');
    }
    const before = calls.length;
    expect((await send(srv.port, { ...json({ op: 'sites.list', input: {} }), headers: { 'content-type': 'application/json', host: 'evil.example' } })).status).toBe(403);
    expect(calls.length).toBe(before);
  });

  it('rejects traversal', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const r = await send(srv.port, { path: p, headers: { host } });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('outside');
    }
  });

  it('dispatches POST /api/call and returns the envelope', async () => {
    const r = await send(srv.port, json({ op: 'sites.list', input: { a: 1 } }));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { op: 'sites.list', input: { a: 1 } } });
    expect(calls.at(-1)).toEqual(['sites.list', { a: 1 }]);
  });

  it('answers 413 with a JSON error on a body over the cap, without dispatching', async () => {
    const before = calls.length;
    const big = JSON.stringify({ op: 'templates.import', input: { json: 'x'.repeat(1024 * 1024 + 10) } });
    const r = await send(srv.port, { ...json({}), body: big });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls.length).toBe(before);
  });

  it('refuses cross-origin calls, wrong content types, bad JSON and other methods', async () => {
    const before = calls.length;
    expect((await send(srv.port, json({ op: 'sites.list' }, { origin: 'https://evil.example' }))).status).toBe(403);
    expect((await send(srv.port, json({ op: 'sites.list' }, { 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    expect((await send(srv.port, { ...json({ op: 'sites.list' }), headers: { host, 'content-type': 'text/plain' } })).status).toBe(415);
    const bad = await send(srv.port, { ...json({}), body: '{"op":' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await send(srv.port, { ...json({}), body: '[1,2]' })).status).toBe(400);
    expect((await send(srv.port, { ...json({}), body: 'null' })).status).toBe(400);
    expect((await send(srv.port, { method: 'GET', path: '/api/call', headers: { host } })).status).toBe(405);
    expect((await send(srv.port, { method: 'DELETE', path: '/index.html', headers: { host } })).status).toBe(405);
    expect(calls.length).toBe(before);
  });
});
