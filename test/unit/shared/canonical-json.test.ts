import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        return canonicalJson(obj) === canonicalJson(reversed);
      }),
      { numRuns: 300 },
    );
  });

  it('writes every string exactly as JSON.stringify does (quotes, backslashes, controls, lone surrogates)', () => {
    for (const s of ['', 'plain', 'a"b', 'a\\b', 'tab\there', '\u0000\u001f\u007f', '\u2028\u2029', '\ud800', 'x\udfffy', '😀', 'Ünïcødé ✓']) {
      expect(canonicalJson(s)).toBe(JSON.stringify(s));
      expect(canonicalJson({ [s]: s })).toBe(`{${JSON.stringify(s)}:${JSON.stringify(s)}}`);
    }
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => canonicalJson(s) === JSON.stringify(s)), { numRuns: 2000 });
  });

  it('round-trips through JSON.parse to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const again: unknown = JSON.parse(canonicalJson(v));
        // JSON itself cannot tell -0 from 0.
        return canonicalJson(again) === canonicalJson(v);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects values with no JSON form instead of writing null', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/a: NaN is not a finite number/);
    expect(() => canonicalJson([1, Infinity])).toThrow(/not a finite number/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });

  it('drops undefined object properties like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(canonicalJson([undefined])).toBe('[null]');
  });
});
