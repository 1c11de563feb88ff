// The autosave queue on its own: debounce, one save per item in flight,
// failure keeps the newest state, flushAll sends what waits on a timer.
import { describe, expect, it, vi } from 'vitest';
import { SaveQueue, type SaveInput, type SaveOutput } from '../../../renderer/src/walkthrough/saveQueue';

const input = (itemId: string, note: string): SaveInput => ({ auditId: '0193a0f0-0000-7000-8000-000000000001', itemId, value: null, note });
const out = (i: SaveInput) => ({ response: { ...i }, finding: null }) as unknown as SaveOutput;

describe('SaveQueue', () => {
  it('waits for a pause in typing, then sends only the newest text', async () => {
    vi.useFakeTimers();
    try {
      const send = vi.fn(async (i: SaveInput) => out(i));
      const q = new SaveQueue({ send, debounceMs: 400 });
      q.update(input('a', 'F'), { typing: true });
      q.update(input('a', 'Fi'), { typing: true });
      q.update(input('a', 'Fire'), { typing: true });
      expect(q.status().state).toBe('saving');
      await vi.advanceTimersByTimeAsync(399);
      expect(send).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(send).toHaveBeenCalledTimes(1);
      expect(send.mock.calls[0]?.[0]).toMatchObject({ note: 'Fire' });
      await vi.runAllTimersAsync();
      expect(q.status().state).toBe('saved');
      expect(q.hasUnsaved()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('flushAll sends debounced edits at once and waits for them', async () => {
    const send = vi.fn(async (i: SaveInput) => out(i));
    const q = new SaveQueue({ send, debounceMs: 10_000 });
    q.update(input('a', 'one'), { typing: true });
    q.update(input('b', 'two'), { typing: true });
    await q.flushAll();
    expect(send.mock.calls.map((c) => c[0].itemId).sort()).toEqual(['a', 'b']);
    expect(q.status().state).toBe('saved');
  });

  it('reports a failure with its error, keeps the state and recovers on retry', async () => {
    let fail = true;
    const err = new Error('disk full');
    const send = vi.fn(async (i: SaveInput) => { if (fail) throw err; return out(i); });
    const onSaved = vi.fn();
    const q = new SaveQueue({ send, onSaved });
    const seen: string[] = [];
    q.subscribe(() => seen.push(q.status().state));
    q.update(input('a', 'kept'));
    await vi.waitFor(() => expect(q.status().state).toBe('failed'));
    expect(q.status()).toMatchObject({ error: err, failedItems: ['a'] });
    expect(q.hasUnsaved()).toBe(true);
    fail = false;
    await q.retry();
    expect(q.status().state).toBe('saved');
    expect(send.mock.calls.map((c) => c[0].note)).toEqual(['kept', 'kept']);
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['saving', 'failed', 'saving', 'saved']);
  });
});
