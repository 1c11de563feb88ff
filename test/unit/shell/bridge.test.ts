import { describe, expect, it } from 'vitest';
import { IPC_CHANNEL, createBridge } from '../../../electron/shell/bridge';
import { OP_NAMES } from '../../../shared/contract/index';

describe('createBridge', () => {
  const calls: Array<[string, string, unknown]> = [];
  const bridge = createBridge(async (channel, op, input) => {
    calls.push([channel, op, input]);
    return { ok: true, value: `${op} done` };
  }, OP_NAMES);

  it('forwards contract operations over the one channel', async () => {
    expect(await bridge.call('sites.list', {})).toEqual({ ok: true, value: 'sites.list done' });
    expect(calls.at(-1)).toEqual([IPC_CHANNEL, 'sites.list', {}]);
  });

  it('refuses names outside the contract without sending anything', async () => {
    const before = calls.length;
    for (const op of ['sites.drop', '__proto__', 'constructor', 'toString', '', 'a'.repeat(500)]) {
      const r = await bridge.call(op, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown_operation');
    }
    expect(await bridge.call(42 as unknown as string)).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect(calls.length).toBe(before);
  });

  it('turns a failed IPC into an error envelope', async () => {
    const broken = createBridge(() => Promise.reject(new Error('channel closed')), ['sites.list']);
    expect(await broken.call('sites.list')).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('exposes call and nothing else, frozen', () => {
    expect(Object.keys(bridge)).toEqual(['call']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
