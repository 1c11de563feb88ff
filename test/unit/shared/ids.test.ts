import { describe, expect, it } from 'vitest';
import { UUID_RE, uuidv7 } from '../../../shared/ids';

describe('uuidv7', () => {
  it('puts the milliseconds in the first 48 bits, version 7 and the RFC variant', () => {
    const now = Date.UTC(2026, 10, 29, 10, 0, 0, 123);
    const id = uuidv7(now);
    expect(id).toMatch(UUID_RE);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(now);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
  });

  it('keeps ids of one millisecond in order and never repeats, across many pool refills', () => {
    const now = Date.now() + 60_000;
    const ids = Array.from({ length: 3000 }, () => uuidv7(now));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(UUID_RE);
  });

  it('spreads the random part over every hex digit', () => {
    const tails = Array.from({ length: 2000 }, () => uuidv7().slice(24));
    for (let pos = 0; pos < 12; pos++) expect(new Set(tails.map((t) => t[pos])).size).toBe(16);
  });
});
