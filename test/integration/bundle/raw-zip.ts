// A zip writer for hostile test input: every header field can be set to
// what an attacker would choose, then the archive is sealed like a real
// bundle so the check under test, not the seal, is what must catch it.
import { crc32, deflateRawSync } from 'node:zlib';
import { sign, type KeyObject } from 'node:crypto';
import { createHash } from 'node:crypto';

export interface RawEntry {
  name: string | Buffer;
  data: Buffer;
  method?: 0 | 8;
  /** UNIX st_mode in the high 16 bits of the external attributes. */
  mode?: number;
  flags?: number;
  /** Override what the headers declare. */
  declaredSize?: number;
  /** Central entry points at another entry's local header (overlap). */
  pointAt?: number;
}

const SEAL_DOMAIN = Buffer.from('fairsite-bundle-seal-v1\n', 'utf8');
const SEAL_PREFIX = Buffer.from('fairsite-seal-v1:', 'ascii');

export function buildZip(entries: RawEntry[], seal: KeyObject | null): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const method = e.method ?? 0;
    const body = method === 8 ? deflateRawSync(e.data) : e.data;
    const crc = crc32(e.data);
    const usize = e.declaredSize ?? e.data.length;
    const flags = e.flags ?? 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5b21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(usize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const localOffset = e.pointAt !== undefined ? offsets[e.pointAt]! : offset;
    offsets.push(localOffset);
    if (e.pointAt === undefined) {
      parts.push(local, name, body);
      offset += local.length + name.length + body.length;
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE((3 << 8) | 20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(0, 12);
    c.writeUInt16LE(0x5b21, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(usize, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
    c.writeUInt32LE(localOffset, 42);
    central.push(c, name);
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  const body = Buffer.concat([...parts, cd, eocd.subarray(0, 20)]);
  if (!seal) return Buffer.concat([body, Buffer.from([0, 0])]);
  const sig = sign(null, Buffer.concat([SEAL_DOMAIN, createHash('sha256').update(body).digest()]), seal);
  const comment = Buffer.concat([SEAL_PREFIX, Buffer.from(sig.toString('base64'), 'ascii')]);
  const len = Buffer.alloc(2);
  len.writeUInt16LE(comment.length, 0);
  return Buffer.concat([body, len, comment]);
}
