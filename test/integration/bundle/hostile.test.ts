// Hostile and malformed bundles: each must be refused with its reason, and
// leave headquarters' folder (database included) byte-for-byte as it was.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync, createHash, type KeyObject } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLaptop, type Laptop } from './laptop';
import { enrolLaptop, makeHq, snapshot } from './hq';
import { forge, readParts, type Parts } from './forge';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import { initHqKey } from '../../../electron/core/hq/keys';
import { loadSigningKey } from '../../../electron/core/keys/signing-key';
import type { Hq } from '../../../electron/core/hq/context';
import type { BundleLimits } from '../../../electron/core/bundle/limits';
import type { RawEntry } from './raw-zip';
import { uuidv7 } from '../../../shared/ids';
import { coreEnglish } from '../../../shared/core-messages';

let root: string;
let laptop: Laptop;
let hq: Hq;
let key: KeyObject;
let parts: Parts;
let real: Buffer;
let encrypted: Buffer;
const other = generateKeyPairSync('ed25519').privateKey;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const photo = Buffer.from('\xff\xd8\xff\xe0 not really a jpeg but bytes all the same', 'latin1');
const photoName = `photos/${sha(photo)}`;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hostile-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  hq = await makeHq(root);
  enrolLaptop(hq, laptop.core);
  key = loadSigningKey(laptop.core).privateKey;
  const out = join(root, 'real.fsb');
  await exportBundle(laptop.core, { out, recipient: null });
  real = readFileSync(out);
  parts = await readParts(out);
  // HQ already holds the real bundle: replays are judged against it.
  expect((await importBundleFile(hq, out)).status).toBe('imported');
  const { recipient } = await initHqKey(hq);
  const encOut = join(root, 'enc.fsb');
  await exportBundle(laptop.core, { out: encOut, recipient, full: true });
  encrypted = readFileSync(encOut);
});
afterAll(() => {
  hq.close();
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

const flip = (b: Buffer, at: number): Buffer => {
  const c = Buffer.from(b);
  const i = at < 0 ? c.length + at : at;
  c[i] = c[i]! ^ 0x01;
  return c;
};
const withPhoto = (files: Map<string, Buffer>) => files.set(photoName, photo);
const rename = (from: string, to: string | Buffer) => (es: RawEntry[]) => es.map((e) => (e.name === from ? { ...e, name: to } : e));
/** A valid, never-imported bundle (new ID) for the cases about caps. */
const fresh = () => forge(parts, { signWith: key, manifest: (m) => { m.bundleId = uuidv7(); } });
const auditName = () => [...parts.files.keys()].find((n) => n.startsWith('audits/'))!;

interface Case {
  name: string;
  make: () => Buffer;
  reason: string | RegExp;
  limits?: Partial<BundleLimits>;
}

const cases: Case[] = [
  { name: 'truncated to half', make: () => real.subarray(0, real.length >> 1), reason: 'truncated' },
  { name: 'truncated by its last 10 bytes', make: () => real.subarray(0, real.length - 10), reason: 'truncated' },
  { name: 'empty file', make: () => Buffer.alloc(0), reason: 'not_a_bundle' },
  { name: 'not a zip at all', make: () => Buffer.from('%PDF-1.7\n'.repeat(40)), reason: 'not_a_bundle' },
  { name: 'encrypted bundle cut short', make: () => encrypted.subarray(0, encrypted.length - 100), reason: 'decrypt_failed' },
  { name: 'encrypted bundle with a flipped byte', make: () => flip(encrypted, encrypted.length >> 1), reason: 'decrypt_failed' },
  ...[0, 8, 14, 31, 200, 0.5, -300, -150, -110, -40, -1].map((at): Case => ({
    name: `one byte flipped at ${at}`,
    make: () => flip(real, at > 0 && at < 1 ? Math.floor(real.length * at) : at),
    reason: /truncated|bad_signature|missing_signature|bad_entry_name|unlisted_file|size_mismatch|not_a_bundle|hash_mismatch|not_a_file|zip_bomb/,
  })),
  { name: 'manifest signed by another key', make: () => forge(parts, { signWith: other, sealWith: key }), reason: 'bad_signature' },
  { name: 'manifest and seal by another key claiming the auditor', make: () => forge(parts, { signWith: other, sealWith: other }), reason: 'bad_signature' },
  { name: 'no manifest.sig', make: () => forge(parts, { signWith: key, omitSignature: true }), reason: 'missing_signature' },
  { name: 'manifest.sig is garbage', make: () => forge(parts, { signWith: key, signature: Buffer.from('not a signature') }), reason: 'bad_signature' },
  { name: 'archive not sealed', make: () => forge(parts, { signWith: key, sealWith: null }), reason: 'missing_signature' },
  { name: 'sealed by another key', make: () => forge(parts, { signWith: key, sealWith: other }), reason: 'bad_signature' },
  { name: 'fingerprint does not match the key', make: () => forge(parts, { signWith: key, manifest: (m) => { (m.auditor as Record<string, string>).fingerprint = 'ab'.repeat(32); } }), reason: 'bad_signature' },
  { name: 'manifest lists a missing file', make: () => forge(parts, { signWith: key, files: withPhoto, entries: (es) => es.filter((e) => e.name !== photoName) }), reason: 'missing_file' },
  { name: 'extra unlisted photo', make: () => forge(parts, { signWith: key, entries: (es) => [{ name: photoName, data: photo }, ...es] }), reason: 'unlisted_file' },
  { name: 'extra file of no bundle kind', make: () => forge(parts, { signWith: key, entries: (es) => [{ name: 'readme.txt', data: Buffer.from('hi') }, ...es] }), reason: 'unlisted_file' },
  { name: 'path traversal ../', make: () => forge(parts, { signWith: key, entries: (es) => [{ name: '../../evil.sh', data: Buffer.from('x') }, ...es] }), reason: 'bad_entry_name' },
  { name: 'traversal inside a folder', make: () => forge(parts, { signWith: key, entries: (es) => [{ name: 'photos/../../evil', data: Buffer.from('x') }, ...es] }), reason: 'bad_entry_name' },
  { name: 'absolute path', make: () => forge(parts, { signWith: key, entries: (es) => [{ name: '/etc/cron.d/evil', data: Buffer.from('x') }, ...es] }), reason: 'bad_entry_name' },
  { name: 'Windows drive path', make: () => forge(parts, { signWith: key, entries: (es) => [{ name: 'C:\\Windows\\evil.dll', data: Buffer.from('x') }, ...es] }), reason: 'bad_entry_name' },
  { name: 'backslashes', make: () => forge(parts, { signWith: key, files: withPhoto, entries: rename(photoName, photoName.replace('/', '\\')) }), reason: 'bad_entry_name' },
  { name: '__proto__ as a name', make: () => forge(parts, { signWith: key, entries: (es) => [{ name: '__proto__', data: Buffer.from('{}') }, ...es] }), reason: 'bad_entry_name' },
  { name: '__proto__ inside a folder', make: () => forge(parts, { signWith: key, entries: (es) => [{ name: 'photos/__proto__', data: Buffer.from('{}') }, ...es] }), reason: 'bad_entry_name' },
  { name: '__proto__ key in the manifest', make: () => forge(parts, { signWith: key, manifestBytes: Buffer.from(JSON.stringify(parts.manifest).replace('{', '{"__proto__":{"polluted":true},')) }), reason: 'bad_manifest' },
  { name: 'non-UTF-8 name', make: () => forge(parts, { signWith: key, entries: (es) => [{ name: Buffer.from([0x70, 0xff, 0xfe]), data: Buffer.from('x'), flags: 0 }, ...es] }), reason: 'bad_entry_name' },
  { name: 'duplicate names', make: () => forge(parts, { signWith: key, files: withPhoto, entries: (es) => [...es, { name: photoName, data: photo }] }), reason: 'duplicate_entry' },
  { name: 'names that differ only in case', make: () => forge(parts, { signWith: key, entries: (es) => [...es, { name: 'MANIFEST.JSON', data: Buffer.from('{}') }] }), reason: 'duplicate_entry' },
  { name: 'symlink entry', make: () => forge(parts, { signWith: key, files: withPhoto, entries: (es) => es.map((e) => (e.name === photoName ? { ...e, mode: 0o120777 } : e)) }), reason: 'not_a_file' },
  { name: 'directory entry', make: () => forge(parts, { signWith: key, files: withPhoto, entries: (es) => es.map((e) => (e.name === photoName ? { ...e, mode: 0o040755 } : e)) }), reason: 'not_a_file' },
  { name: 'zip-encrypted entry', make: () => forge(parts, { signWith: key, files: withPhoto, entries: (es) => es.map((e) => (e.name === photoName ? { ...e, flags: 0x801, method: 8 } : e)) }), reason: 'not_a_file' },
  {
    name: 'overlapping entries', reason: 'overlapping_entries',
    make: () => {
      const twin = Buffer.from(photo);
      return forge(parts, { signWith: key, files: (f) => { f.set(photoName, photo); }, entries: (es) => {
        const at = es.findIndex((e) => e.name === photoName);
        return [...es, { name: `photos/${sha(twin)}x`.slice(0, -1).replace(/.$/, 'f'), data: twin, pointAt: at }];
      } });
    },
  },
  { name: 'zip bomb by ratio', make: () => forge(parts, { signWith: key, files: (f) => { const z = Buffer.alloc(4 << 20); f.set(`photos/${sha(z)}`, z); }, entries: (es) => es.map((e) => (String(e.name).startsWith('photos/') ? { ...e, method: 8 } : e)) }), reason: 'zip_bomb' },
  { name: 'declared size above the per-file cap', make: () => forge(parts, { signWith: key, files: withPhoto, entries: (es) => es.map((e) => (e.name === photoName ? { ...e, method: 8, declaredSize: 200 << 20 } : e)) }), reason: 'zip_bomb', limits: { maxEntryBytes: 100 << 20 } },
  { name: 'declared size smaller than the data', make: () => forge(parts, { signWith: key, files: withPhoto, entries: (es) => es.map((e) => (e.name === photoName ? { ...e, method: 8, declaredSize: 5 } : e)) }), reason: 'size_mismatch' },
  { name: 'stored entry whose sizes disagree', make: () => forge(parts, { signWith: key, files: withPhoto, entries: (es) => es.map((e) => (e.name === photoName ? { ...e, declaredSize: photo.length + 10 } : e)) }), reason: 'size_mismatch' },
  { name: 'total expansion above the cap', make: fresh, reason: 'zip_bomb', limits: { maxTotalBytes: 1000 } },
  { name: 'oversized bundle', make: fresh, reason: 'too_large', limits: { maxBundleBytes: 1000 } },
  { name: 'too many entries', make: fresh, reason: 'too_large', limits: { maxEntries: 2 } },
  { name: 'unknown format version', make: () => forge(parts, { signWith: key, manifest: (m) => { m.formatVersion = 2; } }), reason: 'unknown_version' },
  { name: 'manifest is not JSON', make: () => forge(parts, { signWith: key, manifestBytes: Buffer.from('{"format": "fairsite-bundle", ') }), reason: 'bad_manifest' },
  { name: 'manifest with an unknown field', make: () => forge(parts, { signWith: key, manifest: (m) => { m.extra = 1; } }), reason: 'bad_manifest' },
  { name: 'manifest hash does not match a file', make: () => forge(parts, { signWith: key, manifest: (m) => { (m.files as Array<{ sha256: string }>)[0]!.sha256 = '0'.repeat(64); } }), reason: 'hash_mismatch' },
  { name: 'manifest size does not match a file', make: () => forge(parts, { signWith: key, manifest: (m) => { (m.files as Array<{ size: number }>)[0]!.size += 1; } }), reason: 'size_mismatch' },
  { name: 'photo not named by its hash', make: () => forge(parts, { signWith: key, files: (f) => { f.set(`photos/${'1'.repeat(64)}`, photo); } }), reason: 'hash_mismatch' },
  {
    name: 'audit record with a rewritten event', reason: 'bad_content',
    make: () => forge(parts, { signWith: key, files: (f) => {
      const name = auditName();
      const doc = JSON.parse(f.get(name)!.toString('utf8')) as { events: { items: Array<{ actor: string }> } };
      doc.events.items[0]!.actor = 'Someone Else';
      f.set(name, Buffer.from(JSON.stringify(doc)));
    } }),
  },
  { name: 'audit record that is not JSON', make: () => forge(parts, { signWith: key, files: (f) => { f.set(auditName(), Buffer.from('{not json')); } }), reason: 'bad_content' },
  {
    // JSON.parse keeps the last of two keys: a fresh ID first, then the already imported one's, would have passed as new.
    name: 'duplicate key in the manifest', reason: 'bad_manifest',
    make: () => forge(parts, { signWith: key, manifest: (m) => { m.bundleId = uuidv7(); }, manifestText: (t) => t.replace('"bundleId":', '"sequence":99,"bundleId":') }),
  },
  {
    name: 'duplicate key inside a manifest audit entry', reason: 'bad_manifest',
    make: () => forge(parts, { signWith: key, manifest: (m) => { m.bundleId = uuidv7(); }, manifestText: (t) => t.replace('"eventCount":', '"eventCount":1,"eventCount":') }),
  },
  { name: "manifest eventCount differs from the audit's chain", make: () => forge(parts, { signWith: key, manifest: (m) => { m.bundleId = uuidv7(); (m.audits as Array<{ eventCount: number }>)[0]!.eventCount += 1; } }), reason: 'bad_content' },
  { name: 'a bundle whose base is itself', make: () => forge(parts, { signWith: key, manifest: (m) => { m.bundleId = uuidv7(); m.baseBundleId = m.bundleId; } }), reason: 'bad_manifest' },
  { name: 'entry name of 130 two-byte characters (260 bytes)', make: () => forge(parts, { signWith: key, entries: (es) => [{ name: `photos/${'é'.repeat(130)}`, data: photo }, ...es] }), reason: 'bad_entry_name' },
  { name: 'replay: a used bundle ID with other content', make: () => forge(parts, { signWith: key, manifest: (m) => { m.createdAt = '2020-01-01T00:00:00.000Z'; } }), reason: 'replay' },
];

describe('hostile bundles are refused and change nothing', () => {
  test('there are at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
  test('the unaltered fresh bundle used by the cap cases is accepted without caps', async () => {
    const other = await makeHq(root);
    enrolLaptop(other, laptop.core);
    const file = join(root, 'fresh.fsb');
    writeFileSync(file, fresh());
    const r = await importBundleFile(other, file);
    expect(r.status, r.message).toBe('imported');
    other.close();
  });
  test.each(cases)('$name', async (c) => {
    const dir = mkdtempSync(join(root, 'case-'));
    const file = join(dir, 'bundle.fsb');
    writeFileSync(file, c.make());
    const before = snapshot(hq.paths.dir);
    const r = await importBundleFile(hq, file, { limits: c.limits });
    expect(r.status, r.message).toBe('rejected');
    if (typeof c.reason === 'string') expect(r.reason, r.message).toBe(c.reason);
    else expect(r.reason, r.message).toMatch(c.reason);
    expect(r.message.length).toBeGreaterThan(15);
    // The inbox says the refusal from its message: the verifier's detail (its file names and hashes as parameters),
    // else the sentence for its reason or the import's own; never only English. The English is that message's.
    expect(r.text?.key, r.message).toMatch(/^(bundle|hqImport)\./);
    expect(coreEnglish(r.text!)).toBe(r.message);
    expect(snapshot(hq.paths.dir)).toEqual(before);
    expect(readdirSync(hq.paths.staging)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['bundle.fsb']);
  });
});
