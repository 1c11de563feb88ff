// Reads a bundle zip without trusting it: the central directory is checked
// entry by entry (names, types, sizes, ratios, overlaps) before any data is
// inflated, and data is only ever streamed with its size and hash checked.
import { closeSync, createWriteStream, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import { sha256Hex } from '../sha256';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { HashingStream } from './hashing';
import { checkAllowed, checkEntryName, collisionKey, displayName } from './entry-names';
import type { BundleLimits } from './limits';
import { BundleRejected, isNoSpace, reject } from './rejection';
import { msg } from '../../../shared/messages';

export interface ZipEntryInfo {
  name: string;
  size: number;
  compressedSize: number;
  entry: yauzl.Entry;
  /** Where the entry's data starts in the file (from its local header, read by the overlap check). */
  dataStart?: number;
}

export interface OpenZip {
  zip: yauzl.ZipFile;
  entries: Map<string, ZipEntryInfo>;
  /** The zip file, for the direct reads of small stored entries (readEntry). */
  path?: string;
  close(): void;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, rejectP) => {
    yauzl.open(path, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (err, zip) => {
      if (err || !zip) rejectP(err ?? new Error('no zip'));
      else resolve(zip);
    });
  });
}

function readAllEntries(zip: yauzl.ZipFile, max: number): Promise<yauzl.Entry[]> {
  return new Promise((resolve, rejectP) => {
    const out: yauzl.Entry[] = [];
    if (zip.entryCount > max) {
      rejectP(new Error(`too many entries: ${zip.entryCount}`));
      return;
    }
    zip.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(out));
    zip.once('error', rejectP);
    zip.readEntry();
  });
}

function fileType(e: yauzl.Entry): number | null {
  const madeBy = e.versionMadeBy >> 8;
  // 3 = UNIX: the high 16 bits are st_mode. Other hosts carry no file type.
  if (madeBy !== 3) return null;
  return (e.externalFileAttributes >>> 16) & S_IFMT;
}

export async function openBundleZip(path: string, limits: BundleLimits, startsLikeZip: boolean): Promise<OpenZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (startsLikeZip) return reject('truncated', msg('bundle.zipIncomplete', { error: why.slice(0, 160) }));
    return reject('not_a_bundle', msg('bundle.notZip'));
  }
  try {
    if (zip.entryCount > limits.maxEntries) reject('too_large', msg('bundle.tooManyEntries', { count: zip.entryCount, max: limits.maxEntries }));
    let raw: yauzl.Entry[];
    try {
      raw = await readAllEntries(zip, limits.maxEntries);
    } catch (e) {
      if (/size mismatch/i.test(String(e))) return reject('size_mismatch', msg('bundle.sizesDisagree', { error: String(e).slice(0, 120) }));
      return reject('truncated', msg('bundle.zipDamaged', { error: (e instanceof Error ? e.message : String(e)).slice(0, 160) }));
    }
    const entries = new Map<string, ZipEntryInfo>();
    const keys = new Map<string, string>();
    let total = 0;
    for (const e of raw) {
      const rawName = e.fileName as unknown as Buffer;
      const name = checkEntryName(rawName, (e.generalPurposeBitFlag & 0x800) !== 0);
      const key = collisionKey(name);
      const clash = keys.get(key);
      if (clash !== undefined) {
        reject('duplicate_entry', clash === name
          ? msg('bundle.entryTwice', { entry: displayName(name) })
          : msg('bundle.entriesCase', { first: displayName(clash), second: displayName(name) }));
      }
      keys.set(key, name);
      checkAllowed(name);
      const type = fileType(e);
      if (type === S_IFLNK) reject('not_a_file', msg('bundle.entryLink', { entry: displayName(name) }));
      if (type === S_IFDIR) reject('not_a_file', msg('bundle.entryFolder', { entry: displayName(name) }));
      if (type !== null && type !== S_IFREG && type !== 0) reject('not_a_file', msg('bundle.entryNotFile', { entry: displayName(name) }));
      if (e.isEncrypted()) reject('not_a_file', msg('bundle.entryEncrypted', { entry: displayName(name) }));
      if (e.compressionMethod !== 0 && e.compressionMethod !== 8) reject('not_a_file', msg('bundle.entryCompression', { entry: displayName(name) }));
      if (e.uncompressedSize > limits.maxEntryBytes) reject('zip_bomb', msg('bundle.entryTooLarge', { entry: displayName(name), size: e.uncompressedSize, max: limits.maxEntryBytes }));
      if (e.compressionMethod === 0 && e.compressedSize !== e.uncompressedSize) reject('size_mismatch', msg('bundle.entryStoredSizes', { entry: displayName(name) }));
      if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio) {
        reject('zip_bomb', msg('bundle.entryRatio', { entry: displayName(name), ratio: Math.round(e.uncompressedSize / Math.max(1, e.compressedSize)), max: limits.maxRatio }));
      }
      total += e.uncompressedSize;
      if (total > limits.maxTotalBytes) reject('zip_bomb', msg('bundle.expandsTooMuch', { max: limits.maxTotalBytes }));
      entries.set(name, { name, size: e.uncompressedSize, compressedSize: e.compressedSize, entry: e });
    }
    await checkNoOverlap(zip, [...entries.values()]);
    let fd: number | null = null;
    const direct = { fd: () => (fd ??= openSync(path, 'r')), scratch: Buffer.allocUnsafe(DIRECT_MAX) };
    directReads.set(entries, direct);
    return {
      zip, entries, path,
      close: () => {
        zip.close();
        if (fd !== null) closeSync(fd);
        fd = null;
      },
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}

/** Two entries whose data share bytes are a zip-bomb technique; refuse them. */
async function checkNoOverlap(zip: yauzl.ZipFile, entries: ZipEntryInfo[]): Promise<void> {
  const spans: Array<{ name: string; start: number; end: number }> = [];
  for (const info of entries) {
    let dataStart: number;
    try {
      const h = await zip.readLocalFileHeaderPromise(info.entry, { minimal: true });
      dataStart = h.fileDataStart;
    } catch (e) {
      return reject('truncated', msg('bundle.entryUnreadable', { entry: displayName(info.name), error: (e instanceof Error ? e.message : String(e)).slice(0, 160) }));
    }
    info.dataStart = dataStart;
    spans.push({ name: info.name, start: info.entry.relativeOffsetOfLocalHeader, end: dataStart + info.compressedSize });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1]!;
    const cur = spans[i]!;
    if (cur.start < prev.end) reject('overlapping_entries', msg('bundle.entriesOverlap', { first: displayName(prev.name), second: displayName(cur.name) }));
  }
}

function openEntryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, rejectP) => {
    zip.openReadStream(entry, (err, stream) => (err || !stream ? rejectP(err ?? new Error('no stream')) : resolve(stream)));
  });
}

// Small stored entries (a bundle's photos and reports are stored, not
// deflated) are read in one piece from their byte range instead of through
// a stream each: the streams, hashers and promises of fifty thousand small
// photos outlived young-generation collections and grew HQ's heap by
// 150 MB of garbage during one import. Their range was checked against
// every other entry's (checkNoOverlap) and their hash is checked as before.
const DIRECT_MAX = 1024 * 1024;
const directReads = new WeakMap<Map<string, ZipEntryInfo>, { fd(): number; scratch: Buffer }>();

function readDirect(open: OpenZip, info: ZipEntryInfo, dest: string | null): { sha256: string; bytes: number; data?: Buffer } | null {
  const direct = directReads.get(open.entries);
  if (!direct || info.dataStart === undefined || info.entry.compressionMethod !== 0 || info.size > DIRECT_MAX) return null;
  const view = direct.scratch.subarray(0, info.size);
  let got = 0;
  while (got < info.size) {
    const n = readSync(direct.fd(), view, got, info.size - got, info.dataStart + got);
    if (n === 0) return reject('truncated', msg('bundle.entryCut', { entry: displayName(info.name) }));
    got += n;
  }
  const sha256 = sha256Hex(view);
  if (dest) {
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, view, { flag: 'wx' });
    return { sha256, bytes: got };
  }
  return { sha256, bytes: got, data: Buffer.from(view) };
}

/** Streams one entry to `dest` (or nowhere) and returns its SHA-256 and byte count. */
export async function readEntry(open: OpenZip, info: ZipEntryInfo, dest: string | null): Promise<{ sha256: string; bytes: number; data?: Buffer }> {
  try {
    const done = readDirect(open, info, dest);
    if (done) return done;
  } catch (e) {
    if (isNoSpace(e) || e instanceof BundleRejected || !(e instanceof Error)) throw e;
    return reject('truncated', msg('bundle.entryUnreadable', { entry: displayName(info.name), error: e.message.slice(0, 160) }));
  }
  const hasher = new HashingStream();
  const chunks: Buffer[] = [];
  try {
    const stream = await openEntryStream(open.zip, info.entry);
    if (dest) {
      await mkdir(dirname(dest), { recursive: true });
      await pipeline(stream, hasher, createWriteStream(dest, { flags: 'wx' }));
    } else {
      hasher.on('data', (c: Buffer) => chunks.push(c));
      await pipeline(stream, hasher);
    }
  } catch (e) {
    if (isNoSpace(e)) throw e;
    const why = e instanceof Error ? e.message : String(e);
    if (/too many bytes|too few bytes|expected/i.test(why)) return reject('size_mismatch', msg('bundle.entryHeaderSize', { entry: displayName(info.name) }));
    return reject('truncated', msg('bundle.entryDamaged', { entry: displayName(info.name), error: why.slice(0, 160) }));
  }
  return { sha256: hasher.digestHex(), bytes: hasher.bytes, ...(dest ? {} : { data: Buffer.concat(chunks) }) };
}

export const stagingPathOf = (staging: string, name: string): string => join(staging, ...name.split('/'));
