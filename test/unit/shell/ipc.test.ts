import { describe, expect, it } from 'vitest';
import { IPC_CHANNEL } from '../../../electron/shell/bridge';
import { callFromFrame, registerIpc } from '../../../electron/shell/ipc';
import type { Dispatch } from '../../../electron/handlers/dispatch';

const seen: unknown[][] = [];
const dispatch: Dispatch = async (op, input) => {
  seen.push([op, input]);
  return { ok: true, value: op };
};
const top = { url: 'app://app/index.html', parent: null };

describe('callFromFrame', () => {
  it('dispatches calls from the app page in the top frame', async () => {
    expect(await callFromFrame(top, 'sites.list', {}, dispatch)).toEqual({ ok: true, value: 'sites.list' });
  });

  it.each([
    ['no frame', null],
    ['a destroyed frame', undefined],
    ['a sub-frame', { url: 'app://app/index.html', parent: {} }],
    ['a web page', { url: 'https://evil.example/', parent: null }],
    ['a file page', { url: 'file:///tmp/x.html', parent: null }],
  ])('rejects %s without dispatching', async (_name, frame) => {
    const before = seen.length;
    const r = await callFromFrame(frame, 'sites.list', {}, dispatch);
    expect(r).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(seen.length).toBe(before);
  });
});

describe('registerIpc', () => {
  it('registers one handler on the channel and removes it', async () => {
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    const ipcMain = {
      handle: (ch: string, fn: (...args: unknown[]) => unknown) => void handlers.set(ch, fn),
      removeHandler: (ch: string) => void handlers.delete(ch),
    };
    const off = registerIpc(ipcMain as never, dispatch);
    expect([...handlers.keys()]).toEqual([IPC_CHANNEL]);
    const fn = handlers.get(IPC_CHANNEL)!;
    expect(await fn({ senderFrame: top }, 'audits.list', { status: 'draft' })).toEqual({ ok: true, value: 'audits.list' });
    expect(await fn({ senderFrame: { url: 'https://x.example/', parent: null } }, 'audits.list', {})).toMatchObject({ ok: false });
    off();
    expect(handlers.size).toBe(0);
  });
});
