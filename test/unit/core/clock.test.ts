// nowIso writes exactly what Date#toISOString writes, at every millisecond
// width and across second, day and year boundaries.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nowIso } from '../../../electron/core/store/clock';

afterEach(() => vi.useRealTimers());

describe('nowIso', () => {
  it('matches Date#toISOString', () => {
    vi.useFakeTimers();
    const moments = ['2026-11-29T10:00:00.000Z', '2026-11-29T10:00:00.007Z', '2026-11-29T10:00:00.042Z', '2026-11-29T10:00:00.999Z',
      '2026-11-29T10:00:01.000Z', '2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00.001Z', '1999-12-31T23:59:59.5Z'];
    for (const m of moments) {
      vi.setSystemTime(new Date(m));
      expect(nowIso()).toBe(new Date(m).toISOString());
    }
    for (let t = Date.parse('2026-11-29T10:00:00Z'); t < Date.parse('2026-11-29T10:00:03Z'); t += 7) {
      vi.setSystemTime(t);
      expect(nowIso()).toBe(new Date(t).toISOString());
    }
  });
});
