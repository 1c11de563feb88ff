// The locale number parser: each locale's grouping and decimal separators
// read as typed; what is not a number there is refused with a message.
import { describe, expect, it } from 'vitest';
import { formatNumber, parseNumber } from '../../../shared/locale-number';

const ok = (value: number | null) => ({ ok: true, value });
const NNBSP = '\u202f';

describe('parseNumber', () => {
  it.each([
    ['en', '18,500', 18500], ['en', '18500', 18500], ['en', '18.5', 18.5], ['en', '1,234,567.89', 1234567.89],
    ['es', '18.500', 18500], ['es', '1500,5', 1500.5], ['es', '1.234.567,89', 1234567.89],
    ['fr', '18 500', 18500], ['fr', `18${NNBSP}500,25`, 18500.25], ['fr', '18\u00a0500', 18500], ['fr', '0,5', 0.5],
    ['de', '18.500', 18500], ['de', '18,5', 18.5], ['de', '1.234.567,89', 1234567.89],
    ['vi', '18.500', 18500], ['vi', '18.500,5', 18500.5],
    ['th', '18,500', 18500], ['th', '18,500.5', 18500.5], ['th', '๑๘,๕๐๐', 18500],
    ['en-IN', '1,00,000', 100000],
  ] as const)('%s reads "%s" as %d', (locale, text, value) => {
    expect(parseNumber(text, locale)).toEqual(ok(value));
  });

  it('reads empty text as no value', () => {
    expect(parseNumber('  ', 'en')).toEqual(ok(null));
  });

  it.each([
    ['en', '18,5', /“,” separates thousands and “\.” starts the decimals/],
    ['en', '1,00,000', /separates thousands/],
    ['de', '18.5', /“\.” separates thousands and “,” starts the decimals/],
    ['fr', '18.500', /digits only/],
    ['vi', '18,500.5', /decimals after “,” with digits only/],
    ['en', '1.2.3', /only once/],
    ['en', 'abc', /digits only/],
    ['en', '12 kg', /digits only/],
  ] as const)('%s refuses "%s" instead of guessing', (locale, text, message) => {
    const r = parseNumber(text, locale);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('refuses a sign and an exponent with a message, in every locale', () => {
    for (const locale of ['en', 'es', 'fr', 'de', 'vi', 'th']) {
      expect(parseNumber('-500', locale)).toMatchObject({ ok: false, message: 'Cannot be negative' });
      expect(parseNumber('−500', locale)).toMatchObject({ ok: false, message: 'Cannot be negative' });
      const e = parseNumber('1e3', locale);
      expect(e.ok).toBe(false);
      if (!e.ok) expect(e.message).toMatch(/without an exponent/);
    }
  });

  it('applies the field\'s limits in plain words', () => {
    expect(parseNumber('200', 'en', { max: 168, unit: 'hours' })).toMatchObject({ ok: false, message: 'At most 168 hours' });
    expect(parseNumber('9', 'en', { max: 7, integer: true })).toMatchObject({ ok: false, message: 'At most 7' });
    expect(parseNumber('5.5', 'en', { integer: true })).toMatchObject({ ok: false, message: 'Whole number only' });
    expect(parseNumber('0.5', 'en', { min: 1 })).toMatchObject({ ok: false, message: 'At least 1' });
    expect(parseNumber('168', 'en', { max: 168 })).toEqual(ok(168));
  });

  it('reads back what it formats', () => {
    for (const locale of ['en', 'es', 'fr', 'de', 'vi', 'th', 'en-IN']) {
      for (const n of [0, 7.25, 18500, 1234567.5]) expect(parseNumber(formatNumber(n, locale), locale)).toEqual(ok(n));
    }
  });
});
