import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, readStatic, resolveAppPath } from '../../../electron/shell/static';

const root = '/srv/app/dist/renderer';

describe('resolveAppPath', () => {
  it('maps paths under the root', () => {
    expect(resolveAppPath(root, '/')).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, '/index.html')).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, '/assets/index-abc.js')).toBe(`${root}/assets/index-abc.js`);
    expect(resolveAppPath(root, '/assets/a%20b.css')).toBe(`${root}/assets/a b.css`);
  });

  it.each([
    '/../secret', '/assets/../../secret', '/%2e%2e/secret', '/%2E%2E%2Fsecret', '/..%2f..%2fetc/passwd',
    '/assets/%2e%2e/%2e%2e/x', '/..\\..\\windows', '/a%5c..%5c..%5cx', '/%00index.html', '/index.html%00.png',
    '/C:/Windows/win.ini', '/c%3a/x', '/.env', '/assets/.git/config', '/./index.html', '//etc/passwd',
    'index.html', '', '/%zz', `/${'a'.repeat(3000)}`,
  ])('refuses %s', (p) => {
    expect(resolveAppPath(root, p)).toBeNull();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const pieces = ['..', '.', '%2e', '%2E%2e', '%2f', '%5c', 'a', '', '\\', '%00', 'x.js'];
    for (let i = 0; i < 3000; i++) {
      const n = 1 + (i % 5);
      let p = '';
      for (let j = 0; j < n; j++) p += `/${pieces[(i * 7 + j * 13) % pieces.length]}${pieces[(i + j) % pieces.length]}`;
      const r = resolveAppPath(root, p);
      if (r !== null) expect(r.startsWith(`${root}/`)).toBe(true);
    }
  });
});

describe('contentType', () => {
  it('knows the built files', () => {
    expect(contentType('index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentType('x.css')).toBe('text/css; charset=utf-8');
    expect(contentType('x.woff2')).toBe('font/woff2');
    expect(contentType('x.unknown')).toBe('application/octet-stream');
  });
});

describe('readStatic', () => {
  let dir: string;
  let built: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fairsite-static-'));
    built = join(dir, 'renderer');
    mkdirSync(join(built, 'assets'), { recursive: true });
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>Fairsite</title>');
    writeFileSync(join(built, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'do not serve');
    symlinkSync(join(dir, 'secret.txt'), join(built, 'assets', 'link.txt'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves index with the CSP and a content type', async () => {
    const r = await readStatic(built, '/');
    expect(r.status).toBe(200);
    expect(r.body.toString()).toContain('<title>Fairsite</title>');
    expect(r.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(r.headers['Content-Security-Policy']).toMatch(/^default-src 'self'/);
    expect(r.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('serves assets', async () => {
    const r = await readStatic(built, '/assets/app.js');
    expect(r.status).toBe(200);
    expect(r.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for traversal, a symlink leading out, folders and missing files', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/link.txt', '/assets', '/missing.js']) {
      const r = await readStatic(built, p);
      expect(r.status, p).toBe(404);
      expect(r.body.toString()).not.toContain('do not serve');
      expect(r.headers['Content-Security-Policy']).toBeTruthy();
    }
  });
});
