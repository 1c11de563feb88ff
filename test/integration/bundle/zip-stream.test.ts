// The bundle zip writer against yazl 3 (the writer bundles were made with
// before): the same entries with the options writeBundle gave yazl must give
// the same bytes, so old and new bundles read alike; and unzip and our own
// reader must accept what it writes, ZIP64 records included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createHash, randomBytes } from 'node:crypto';
import yazl from 'yazl';
import { zipStream, type ZipEntrySource } from '../../../electron/core/bundle/zip-stream';
import { openBundleZip, readEntry } from '../../../electron/core/bundle/zip-reader';
import { DEFAULT_LIMITS } from '../../../electron/core/bundle/limits';

const mtime = new Date('2026-03-14T09:26:53.000Z');
let dir: string;

interface Spec {
  name: string;
  compress: boolean;
  /** A buffer given as a stream, or a file on disk whose size is given in advance. */
  data?: Buffer;
  file?: string;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zip-stream-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

function sizeOf(s: Spec): number | undefined {
  return s.file ? statSync(s.file).size : undefined;
}

function open(s: Spec): Readable {
  return s.file ? createReadStream(s.file, { highWaterMark: 1024 * 1024 }) : Readable.from([s.data!]);
}

function withYazl(specs: Spec[], forceZip64: boolean): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const s of specs) {
    const size = sizeOf(s);
    zip.addReadStreamLazy(s.name, { size, compress: s.compress, mtime, mode: 0o100644, forceDosTimestamp: true, forceZip64Format: forceZip64 }, (cb) => cb(null, open(s)));
  }
  zip.end({ forceZip64Format: forceZip64, comment: '' });
  return collect(zip.outputStream as Readable);
}

function withOurs(specs: Spec[], forceZip64: boolean): Promise<Buffer> {
  const entries: ZipEntrySource[] = specs.map((s) => ({ name: s.name, compress: s.compress, size: sizeOf(s), open: () => open(s) }));
  return collect(zipStream(entries, { mtime, mode: 0o100644, forceZip64 }));
}

/** JSON-like text that deflates well and spans several deflate blocks. */
function jsonish(bytes: number): Buffer {
  const words = ['"status"', '"finding"', '"photo"', ':', ',', '{', '}', '[', ']', ' ', '\n', '"ok"', '12', '"non-compliant"'];
  const rnd = randomBytes(bytes);
  let s = '';
  for (let i = 0; s.length < bytes; i++) s += words[rnd[i % rnd.length]! % words.length];
  return Buffer.from(s.slice(0, bytes), 'utf8');
}

function unzipTest(zip: Buffer, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, zip);
  return execFileSync('unzip', ['-tq', path], { encoding: 'utf8' });
}

describe('bundle zip writer', () => {
  const photo = () => {
    const path = join(dir, `photo-${randomBytes(4).toString('hex')}`);
    writeFileSync(path, randomBytes(3 * 1024 * 1024 + 17));
    return path;
  };

  it('writes the bytes yazl wrote: stored and deflated, empty, non-ASCII names, files from disk', async () => {
    const specs: Spec[] = [
      { name: 'audits/a.json', compress: true, data: jsonish(2_500_000) },
      { name: 'photos/big', compress: false, file: photo() },
      { name: 'empty-stored', compress: false, data: Buffer.alloc(0) },
      { name: 'empty.json', compress: true, data: Buffer.alloc(0) },
      { name: 'fotos/señal-ção/写真/🙂.jpg', compress: false, data: randomBytes(5000) },
      { name: 'notes/déjà-vu.json', compress: true, data: Buffer.from('{"é":"ü"}', 'utf8') },
    ];
    const ours = await withOurs(specs, false);
    const theirs = await withYazl(specs, false);
    expect(ours.length).toBe(theirs.length);
    expect(ours.equals(theirs)).toBe(true);
    expect(unzipTest(ours, 'plain.zip')).toMatch(/No errors detected/);
    // The EOCD comment is empty: its length is the last two bytes (the seal's place).
    expect(ours.readUInt16LE(ours.length - 2)).toBe(0);
  });

  it('writes the same ZIP64 records as yazl when they are forced', async () => {
    const specs: Spec[] = [
      { name: 'audits/a.json', compress: true, data: jsonish(300_000) },
      { name: 'photos/big', compress: false, file: photo() },
      { name: 'empty', compress: false, data: Buffer.alloc(0) },
    ];
    const ours = await withOurs(specs, true);
    const theirs = await withYazl(specs, true);
    expect(ours.equals(theirs)).toBe(true);
    // ZIP64 end record, its locator and the 0xFFFFFFFF markers in the plain end record.
    const eocd = ours.length - 22;
    expect(ours.readUInt32LE(eocd - 20)).toBe(0x07064b50);
    expect(ours.readUInt32LE(eocd - 76)).toBe(0x06064b50);
    expect(ours.readUInt32LE(eocd + 16)).toBe(0xffffffff);
    expect(unzipTest(ours, 'zip64.zip')).toMatch(/No errors detected/);
  });

  it('writes the ZIP64 end records yazl wrote past 65,534 entries', async () => {
    const specs: Spec[] = [];
    for (let i = 0; i < 0xffff + 3; i++) specs.push({ name: `e/${i}`, compress: false, data: Buffer.from(String(i)) });
    const ours = await withOurs(specs, false);
    const theirs = await withYazl(specs, false);
    expect(ours.equals(theirs)).toBe(true);
    expect(ours.readUInt16LE(ours.length - 22 + 10)).toBe(0xffff);
    expect(unzipTest(ours, 'many.zip')).toMatch(/No errors detected/);
  }, 120_000);

  for (const forceZip64 of [false, true]) {
    it(`is read back by the bundle reader${forceZip64 ? ' with ZIP64 records' : ''}`, async () => {
      const audit = jsonish(200_000);
      const file = photo();
      const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
      const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      const photoBytes = await collect(createReadStream(file));
      const specs: Spec[] = [
        { name: `audits/${id}.json`, compress: true, data: audit },
        { name: `photos/${sha(photoBytes)}`, compress: false, file },
        { name: 'manifest.json', compress: true, data: Buffer.from('{}') },
        { name: 'manifest.sig', compress: false, data: Buffer.from('sig\n') },
      ];
      const path = join(dir, `read-${forceZip64}.zip`);
      writeFileSync(path, await withOurs(specs, forceZip64));
      const zip = await openBundleZip(path, DEFAULT_LIMITS, true);
      try {
        expect([...zip.entries.keys()]).toEqual(specs.map((s) => s.name));
        const a = await readEntry(zip, zip.entries.get(`audits/${id}.json`)!, null);
        expect(a.sha256).toBe(sha(audit));
        const p = await readEntry(zip, zip.entries.get(`photos/${sha(photoBytes)}`)!, null);
        expect(p.sha256).toBe(sha(photoBytes));
        expect(p.bytes).toBe(photoBytes.length);
      } finally {
        zip.close();
      }
    });
  }

  it('fails when a file has other than its announced size, as yazl did', async () => {
    const out = zipStream([{ name: 'photos/x', compress: false, size: 10, open: () => Readable.from([Buffer.alloc(9)]) }], { mtime, mode: 0o100644 });
    await expect(collect(out)).rejects.toThrow(/unexpected number of bytes/);
  });

  it('fails with the read error of an entry that cannot be read, opening no later entry', async () => {
    let laterOpened = false;
    const out = zipStream([
      { name: 'photos/missing', compress: false, open: () => createReadStream(join(dir, 'no-such-file')) },
      { name: 'photos/later', compress: false, open: () => ((laterOpened = true), Readable.from([Buffer.alloc(1)])) },
    ], { mtime, mode: 0o100644 });
    await expect(collect(out)).rejects.toThrow(/ENOENT/);
    expect(laterOpened).toBe(false);
  });
});
