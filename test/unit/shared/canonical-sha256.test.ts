import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json';
import { sha256Hex } from '../../../shared/sha256';

const nodeHash = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('matches node:crypto on random bytes of every length around the block boundaries', () => {
    for (let len = 0; len <= 200; len++) {
      const data = randomBytes(len);
      expect(sha256Hex(new Uint8Array(data)), `length ${len}`).toBe(nodeHash(data));
    }
    for (const len of [1000, 4096, 65_537, 1_000_003]) {
      const data = randomBytes(len);
      expect(sha256Hex(new Uint8Array(data))).toBe(nodeHash(data));
    }
  });

  it('matches node:crypto on random Unicode strings (UTF-8)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => sha256Hex(s) === nodeHash(s)), { numRuns: 500 });
  });
});

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

  it('hashes canonical text equal to node:crypto over the same bytes', () => {
    const text = canonicalJson({ é: 'ü', a: [1.5, -0, 1e21] });
    expect(sha256Hex(text)).toBe(nodeHash(Buffer.from(text, 'utf8')));
  });
});
