// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultTransport, httpTransport } from '../../../renderer/src/api/transport';
import { describeError } from '../../../renderer/src/api/messages';
import { AppError } from '../../../shared/errors';

afterEach(() => {
  delete window.fairsite;
  vi.unstubAllGlobals();
});

describe('transport', () => {
  it('uses the preload bridge when the shell provides one', async () => {
    const call = vi.fn(async () => ({ ok: true as const, value: 42 }));
    window.fairsite = { call };
    expect(await defaultTransport()('app.info', {})).toEqual({ ok: true, value: 42 });
    expect(call).toHaveBeenCalledWith('app.info', {});
  });

  it('posts {op, input} to the harness otherwise', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: 'x' }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    expect(defaultTransport()).toBe(httpTransport);
    expect(await httpTransport('profile.get', {})).toEqual({ ok: true, value: 'x' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('./api/call');
    expect(JSON.parse(String(init.body))).toEqual({ op: 'profile.get', input: {} });
  });

  it('turns an unreachable core or a non-JSON answer into an error envelope', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    expect(await httpTransport('profile.get', {})).toMatchObject({ ok: false, error: { code: 'storage' } });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>', { status: 502 })));
    expect(await httpTransport('profile.get', {})).toMatchObject({ ok: false, error: { code: 'internal', message: 'The app core answered with HTTP 502.' } });
  });
});

describe('error messages', () => {
  it('says what to do next for each kind of core error', () => {
    expect(describeError(new AppError('locked', 'The audit is finalized.'))).toMatchObject({
      title: 'The audit is finalized.', next: expect.stringMatching(/Reopen it as a new revision/),
    });
    expect(describeError(new AppError('storage', 'Disk full')).next).toMatch(/Nothing you typed on screen is lost/);
    expect(describeError(new Error('boom')).next).toMatch(/Try again/);
  });
});
