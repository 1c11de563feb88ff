// SHA-256: one helper, node:crypto underneath (native, and fast on the save
// path). Hashing happens on the Node side only: the renderer and shared/
// hash nothing (a template is named by its hash in template-file.ts).
import { createHash, hash, type Hash } from 'node:crypto';

/** Hex digest of one input. One-shot hash(): half the cost of createHash() for an event-sized input. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/** Raw digest over the parts in order, as if they were one input (signatures sign this). */
export function sha256Digest(...parts: Uint8Array[]): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

/** A running hash for data that arrives in pieces (streams, uploads). */
export const sha256Stream = (): Hash => createHash('sha256');
