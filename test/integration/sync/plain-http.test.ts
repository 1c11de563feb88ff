// Upload credentials never go over plain http:// unless the server is on
// this computer: sync.saveEndpoint refuses such an address with a clear
// message and stores nothing; an address stored before the rule is not used
// to send credentials either.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../core/helpers/core-fixture';
import { authHeaders, loadEndpoint } from '../../../electron/core/sync/endpoint';
import { setSetting } from '../../../electron/core/sync/settings';
import { AppError } from '../../../shared/errors';

let t: TestCore;
beforeEach(async () => {
  t = await testCore();
});
afterEach(() => t.cleanup());

const save = (url: string, auth: 'none' | 'basic' | 'bearer' = 'basic') =>
  t.dispatch('sync.saveEndpoint', { kind: 'webdav', url, auth, username: auth === 'basic' ? 'asha' : '', secret: auth === 'none' ? '' : 's3cret' });

describe('upload credentials over http', () => {
  it.each(['http://hq.example.org/dav/', 'http://10.0.0.5/inbox/', 'http://127.0.0.1.nip.io/dav/', 'http://[2001:db8::1]/dav/'])('refuses a password or token for %s', async (url) => {
    for (const auth of ['basic', 'bearer'] as const) {
      const env = await save(url, auth);
      expect(env.ok).toBe(false);
      if (env.ok) return;
      expect(env.error.code).toBe('invalid_input');
      expect(env.error.message).toMatch(/would travel unencrypted .* Use the https:\/\/ address/);
      expect(env.error.fields).toMatchObject([{ path: 'url', message: 'must be https:// when a password or token is sent', text: { key: 'problem.httpsNeeded' } }]);
    }
    expect((await t.call('sync.settings', {})).endpoint).toBeNull();
  });

  it.each(['https://hq.example.org/dav/', 'http://127.0.0.1:8080/dav/', 'http://localhost/dav/', 'http://[::1]:9000/dav/'])('accepts credentials for %s', async (url) => {
    const env = await save(url);
    expect(env.ok, env.ok ? '' : env.error.message).toBe(true);
  });

  it('accepts plain http without credentials', async () => {
    expect((await save('http://hq.example.org/dav/', 'none')).ok).toBe(true);
  });

  it('does not send credentials over http from an address stored before the rule', () => {
    setSetting(t.core, 'sync.endpoint', JSON.stringify({
      kind: 'webdav', url: 'http://hq.example.org/dav/', auth: 'basic', username: 'asha',
      sealed: t.core.secretBox.seal(Buffer.from('s3cret')).toString('base64'),
    }));
    const e = loadEndpoint(t.core)!;
    expect(() => authHeaders(e)).toThrow(AppError);
    expect(() => authHeaders(e)).toThrow(/would travel unencrypted/);
  });
});
