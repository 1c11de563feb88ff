// The archive seal: an Ed25519 signature over every byte of the zip before
// the end-of-central-directory comment, stored in that comment. manifest.sig
// proves what the files are; the seal proves nothing else in the archive
// (headers, names, attributes, padding) changed, so one flipped byte anywhere
// is caught even where the zip format itself would not notice.
import { sign, verify, type Hash, type KeyObject } from 'node:crypto';
import { sha256Digest, sha256Hex, sha256Stream } from '../sha256';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { publicKeyFromRaw } from './signature';

const DOMAIN = Buffer.from('fairsite-bundle-seal-v1\n', 'utf8');
const PREFIX = Buffer.from('fairsite-seal-v1:', 'ascii');
export const SEAL_COMMENT_BYTES = PREFIX.length + 88;
const EOCD_BYTES = 22;

function sealMessage(digest: Buffer): Buffer {
  return Buffer.concat([DOMAIN, digest]);
}

/**
 * Expects a zip stream whose EOCD comment is empty; holds back the final
 * comment-length field, then writes the seal as the comment.
 */
export class SealingStream extends Transform {
  private readonly hash: Hash = sha256Stream();
  private tail = Buffer.alloc(0);
  constructor(private readonly key: KeyObject) {
    super();
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback): void {
    const all = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    const keep = Math.min(2, all.length);
    const out = all.subarray(0, all.length - keep);
    this.tail = Buffer.from(all.subarray(all.length - keep));
    if (out.length) {
      this.hash.update(out);
      this.push(out);
    }
    cb();
  }
  override _flush(cb: TransformCallback): void {
    if (this.tail.length !== 2 || this.tail.readUInt16LE(0) !== 0) return cb(new Error('zip stream did not end with an empty comment'));
    const sig = sign(null, sealMessage(this.hash.digest()), this.key);
    const len = Buffer.alloc(2);
    len.writeUInt16LE(SEAL_COMMENT_BYTES, 0);
    cb(null, Buffer.concat([len, PREFIX, Buffer.from(sig.toString('base64'), 'ascii')]));
  }
}

/** Reads the seal from the end of the file, or null if the file carries none. */
export async function readSeal(path: string, fileSize: number): Promise<Buffer | null> {
  const need = EOCD_BYTES + SEAL_COMMENT_BYTES;
  if (fileSize < need) return null;
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(need);
    await fh.read(buf, 0, need, fileSize - need);
    if (buf.readUInt32LE(0) !== 0x06054b50 || buf.readUInt16LE(20) !== SEAL_COMMENT_BYTES) return null;
    const comment = buf.subarray(EOCD_BYTES);
    if (!comment.subarray(0, PREFIX.length).equals(PREFIX)) return null;
    const text = comment.subarray(PREFIX.length).toString('ascii');
    const sig = Buffer.from(text, 'base64');
    // Base64 decoding forgives stray characters; a seal must be exact.
    return sig.length === 64 && sig.toString('base64') === text ? sig : null;
  } finally {
    await fh.close();
  }
}

/** Bytes at the end of a sealed zip that the seal does not cover. */
export const SEAL_TAIL_BYTES = 2 + SEAL_COMMENT_BYTES;

/**
 * Passes bytes through; hashes all but the last `tail` bytes (the seal's
 * coverage) and all of them (the file's hash), without knowing the length.
 */
export class SealDigestStream extends Transform {
  private readonly sealed: Hash = sha256Stream();
  private readonly whole: Hash = sha256Stream();
  private held = Buffer.alloc(0);
  constructor(private readonly tail = SEAL_TAIL_BYTES) {
    super();
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback): void {
    this.whole.update(chunk);
    const all = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    const cut = Math.max(0, all.length - this.tail);
    if (cut) this.sealed.update(all.subarray(0, cut));
    this.held = Buffer.from(all.subarray(cut));
    cb(null, chunk);
  }
  digests(): { sealDigest: Buffer; fileHash: string } {
    return { sealDigest: this.sealed.digest(), fileHash: this.whole.digest('hex') };
  }
}

const SMALL_FILE = 8 * 1024 * 1024;

/** One pass over a file: its SHA-256 and the digest the seal signs. Stops past `maxBytes` (a file that grows while read). */
export async function digestFile(path: string, maxBytes = Number.POSITIVE_INFINITY): Promise<{ sealDigest: Buffer; fileHash: string }> {
  const size = (await stat(path)).size;
  if (size > maxBytes) throw new TooLarge(size, maxBytes);
  if (size <= SMALL_FILE) {
    // Small bundles (most incrementals) in one read: a stream costs more than the hashing.
    const bytes = await readFile(path);
    if (bytes.length > maxBytes) throw new TooLarge(bytes.length, maxBytes);
    const cut = Math.max(0, bytes.length - SEAL_TAIL_BYTES);
    return {
      sealDigest: sha256Digest(bytes.subarray(0, cut)),
      fileHash: sha256Hex(bytes),
    };
  }
  const d = new SealDigestStream();
  d.resume();
  let n = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _e, cb) {
      n += chunk.length;
      if (n > maxBytes) cb(new TooLarge(n, maxBytes));
      else cb(null, chunk);
    },
  });
  await pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), cap, d);
  return d.digests();
}

/** The file is (or became while read) larger than the cap. */
export class TooLarge extends Error {
  constructor(readonly bytes: number, readonly cap: number) {
    super(`${bytes} bytes is more than the ${cap}-byte cap`);
  }
}

export function checkSeal(sealDigest: Buffer, seal: Buffer, publicKeyRaw: Buffer): boolean {
  try {
    return verify(null, sealMessage(sealDigest), publicKeyFromRaw(publicKeyRaw), seal);
  } catch {
    return false;
  }
}
