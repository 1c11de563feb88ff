import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../shared/format-bytes';

describe('formatBytes', () => {
  it('picks the unit and the decimals by size', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1500)).toBe('2 kB');
    expect(formatBytes(2_345_678)).toBe('2.35 MB');
    expect(formatBytes(60_400_000)).toBe('60.4 MB');
    expect(formatBytes(1.5e9)).toBe('1.50 GB');
  });
  it('writes numbers in the given language', () => {
    expect(formatBytes(2_345_678, 'fr')).toMatch(/^2,35\s?Mo$/);
    expect(formatBytes(2_345_678, 'es')).toMatch(/^2,35\s?MB$/);
  });
});
