import type { Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { sha256Stream } from '../sha256';

/** Passes bytes through while hashing and counting them. */
export class HashingStream extends Transform {
  readonly hash: Hash = sha256Stream();
  bytes = 0;
  constructor(private readonly onBytes?: (n: number) => void) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.onBytes?.(chunk.length);
    cb(null, chunk);
  }
  digestHex(): string {
    return this.hash.digest('hex');
  }
}
