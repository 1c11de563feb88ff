import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { checkAllowed, checkEntryName, collisionKey } from '../../../electron/core/bundle/entry-names';
import { parseManifest } from '../../../electron/core/bundle/manifest';
import { BundleRejected } from '../../../electron/core/bundle/rejection';

const reason = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof BundleRejected ? e.reason : `not a rejection: ${String(e)}`;
  }
};
const name = (s: string) => checkEntryName(Buffer.from(s, 'utf8'), true);

describe('entry names', () => {
  test.each([
    ['../x', 'bad_entry_name'], ['a/../../x', 'bad_entry_name'], ['/etc/passwd', 'bad_entry_name'], ['C:\\x', 'bad_entry_name'],
    ['c:/x', 'bad_entry_name'], ['photos\\a', 'bad_entry_name'], ['__proto__', 'bad_entry_name'], ['audits/constructor', 'bad_entry_name'],
    ['a//b', 'bad_entry_name'], ['./manifest.json', 'bad_entry_name'], ['a\u0000b', 'bad_entry_name'], ['', 'bad_entry_name'], ['x'.repeat(300), 'bad_entry_name'],
  ])('%j is refused', (n, r) => {
    expect(reason(() => name(n))).toBe(r);
  });

  test('only the paths of the format pass the allow-list', () => {
    const hex = 'a'.repeat(64);
    for (const ok of ['manifest.json', 'manifest.sig', `photos/${hex}`, `reports/${hex}.pdf`, 'audits/01a22680-2db4-7004-a6a1-472111a0e678.json']) {
      expect(reason(() => checkAllowed(name(ok)))).toBeNull();
    }
    for (const bad of ['Manifest.json', `photos/${hex}.jpg`, `photos/${'A'.repeat(64)}`, 'audits/x.json', 'readme.txt']) {
      expect(reason(() => checkAllowed(name(bad)))).toBe('unlisted_file');
    }
  });

  test('a name not marked UTF-8 with non-ASCII bytes is refused', () => {
    expect(reason(() => checkEntryName(Buffer.from([0x61, 0xe9]), false))).toBe('bad_entry_name');
  });

  test('any accepted name stays inside the bundle folder', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => {
      let n: string;
      try {
        n = name(s);
      } catch (e) {
        expect(e).toBeInstanceOf(BundleRejected);
        return;
      }
      expect(n.startsWith('/') || n.includes('\\') || n.split('/').includes('..') || /^[A-Za-z]:/.test(n)).toBe(false);
    }), { numRuns: 2000 });
  });

  test('case and Unicode normalisation collide', () => {
    expect(collisionKey('Photos/ABC')).toBe(collisionKey('photos/abc'));
    expect(collisionKey('caf\u00e9')).toBe(collisionKey('cafe\u0301'));
  });
});

describe('manifest', () => {
  test.each([
    ['not json', '{', 'bad_manifest'],
    ['an array', '[]', 'bad_manifest'],
    ['another format', '{"format":"zip"}', 'bad_manifest'],
    ['version 2', '{"format":"fairsite-bundle","formatVersion":2}', 'unknown_version'],
    ['version missing', '{"format":"fairsite-bundle"}', 'unknown_version'],
    ['fields missing', '{"format":"fairsite-bundle","formatVersion":1}', 'bad_manifest'],
  ])('%s is refused', (_n, text, r) => {
    expect(reason(() => parseManifest(Buffer.from(text)))).toBe(r);
  });
});
