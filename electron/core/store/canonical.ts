// Hashes in the store use node:crypto (native, fast on the save path) over
// the shared canonical JSON form, so they match hashes made in shared/.
import { hash } from 'node:crypto';

export { canonicalJson, quote } from '../../../shared/canonical-json';

export function sha256Hex(data: string | Uint8Array): string {
  // One-shot hash(): half the cost of createHash() for an event-sized input.
  return hash('sha256', data, 'hex');
}
