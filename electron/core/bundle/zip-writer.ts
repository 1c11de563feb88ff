// Writes a bundle in one streaming pass: every file is hashed on its way into
// the zip, and manifest.json (with those hashes) plus its signature are the
// last two entries, produced only once every file before them is written.
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { Readable, pipeline as streamPipeline } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes, type KeyObject } from 'node:crypto';
import { dirname } from 'node:path';
import { zipStream, type ZipEntrySource } from './zip-stream';
import { HashingStream } from './hashing';
import { MANIFEST, SIGNATURE } from './entry-names';
import { FORMAT, FORMAT_VERSION, type Manifest, type ManifestFile } from './manifest';
import { signManifest } from './signature';
import { encryptStream } from './age';
import { SealingStream } from './seal';
import { isNoSpace } from './rejection';
import { refusal } from '../../../shared/core-messages';
import { msg } from '../../../shared/messages';

export interface BundleSource {
  path: string;
  /** Bytes in memory, bytes made only when the writer reaches the entry (audit JSON), or a file on disk (photos, PDFs). */
  data?: Buffer;
  make?: () => Buffer;
  file?: string;
  /** For content-addressed files: the hash the bytes must have. */
  expectSha256?: string;
}

export type ManifestHead = Omit<Manifest, 'format' | 'formatVersion' | 'files'>;

export interface WriteOptions {
  out: string;
  head: ManifestHead;
  sources: BundleSource[];
  signingKey: KeyObject;
  /** age recipient (age1...); when set the bundle file is encrypted to it. */
  recipient?: string | null;
  onProgress?: (done: number, total: number) => void;
}

export interface WrittenBundle {
  path: string;
  /** SHA-256 of the bundle file as written (ciphertext when encrypted). */
  contentHash: string;
  size: number;
  encrypted: boolean;
  manifest: Manifest;
}

export async function writeBundle(opts: WriteOptions): Promise<WrittenBundle> {
  const mtime = new Date(opts.head.createdAt);
  // Entries made on the way have no size until made: they count towards
  // the total (for progress) once they exist.
  // One stat at a time: twenty thousand at once queue as many requests and their buffers.
  const sizes: Array<number | undefined> = [];
  for (const s of opts.sources) sizes.push(s.data ? s.data.length : s.file ? (await stat(s.file)).size : undefined);
  let total = sizes.reduce<number>((a, b) => a + (b ?? 0), 0);
  let done = 0;
  const files: ManifestFile[] = [];
  // The first failure of any stream (a damaged or unreadable stored file,
  // the zip writer itself) stops the whole pipeline and becomes the export's
  // error. Every stream has an 'error' listener: an unhandled one would end
  // the process.
  const state: { failure: Error | null } = { failure: null };
  let stop: (e: Error) => void = () => {};
  const fail = (e: Error): void => {
    if (!state.failure) state.failure = e;
    stop(state.failure);
  };

  const entries: ZipEntrySource[] = opts.sources.map((src, i) => {
    const what = src.file ? `${src.file} (${src.path})` : src.path;
    return {
      name: src.path,
      // Photos and PDFs are already compressed; deflating them again costs time and saves nothing.
      compress: src.path.endsWith('.json'),
      size: sizes[i],
      open: () => {
        const hasher = new HashingStream((n) => {
          done += n;
          opts.onProgress?.(done, total);
        });
        hasher.on('error', fail);
        hasher.on('end', () => {
          const sha256 = hasher.digestHex();
          if (src.expectSha256 && src.expectSha256 !== sha256) {
            fail(refusal('storage', msg('bundleOut.fileDamaged', { file: what })));
          }
          files.push({ path: src.path, sha256, size: hasher.bytes });
        });
        let data = src.data;
        if (src.make) {
          try {
            data = src.make();
          } catch (e) {
            fail(e as Error);
            throw e;
          }
          total += data.length;
        }
        const input = data ? Readable.from([data]) : createReadStream(src.file!, { highWaterMark: 1024 * 1024 });
        // Registered before pipeline's own listener, so the refusal is the failure kept.
        input.on('error', (e: Error) => fail(refusal('storage', msg('bundleOut.fileUnreadable', { file: what, error: e.message }))));
        return streamPipeline(input, hasher, () => {});
      },
    };
  });

  let manifestBytes: Buffer | null = null;
  let manifest: Manifest | null = null;
  entries.push({
    name: MANIFEST,
    compress: true,
    open: () => {
      if (state.failure) throw state.failure;
      manifest = { format: FORMAT, formatVersion: FORMAT_VERSION, ...opts.head, files };
      manifestBytes = Buffer.from(JSON.stringify(manifest, null, 1), 'utf8');
      return Readable.from([manifestBytes]);
    },
  });
  entries.push({
    name: SIGNATURE,
    compress: false,
    open: () => {
      if (state.failure) throw state.failure;
      return Readable.from([Buffer.from(signManifest(manifestBytes!, opts.signingKey).toString('base64') + '\n')]);
    },
  });

  const tmp = `${opts.out}.part-${randomBytes(4).toString('hex')}`;
  const hasher = new HashingStream();
  try {
    const sealer = new SealingStream(opts.signingKey);
    const zipOut = zipStream(entries, { mtime, mode: 0o100644 });
    stop = (e) => {
      zipOut.destroy(e);
      sealer.destroy(e);
    };
    zipOut.on('error', fail);
    const plain = zipOut.pipe(sealer);
    const body = opts.recipient ? await encryptStream(plain, opts.recipient) : plain;
    stop = (e) => {
      zipOut.destroy(e);
      sealer.destroy(e);
      body.destroy(e);
    };
    if (state.failure) stop(state.failure);
    await pipeline(body, hasher, createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
    if (state.failure) throw state.failure;
    await rename(tmp, opts.out);
  } catch (e) {
    await rm(tmp, { force: true });
    const failure = state.failure ?? e;
    // The disk the bundle is written to filled up: say so and what to do, not the system's "ENOSPC".
    if (isNoSpace(failure)) throw refusal('storage', msg('bundleOut.diskFull', { folder: dirname(opts.out) }));
    throw failure;
  }
  return { path: opts.out, contentHash: hasher.digestHex(), size: hasher.bytes, encrypted: !!opts.recipient, manifest: manifest! };
}
