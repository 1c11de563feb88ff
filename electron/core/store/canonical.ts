// Hashes in the store use node:crypto (native, fast on the save path) over
// the shared canonical JSON form, so they match hashes made in shared/.
import { createHash } from 'node:crypto';

export { canonicalJson } from '../../../shared/canonical-json';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
