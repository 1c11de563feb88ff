// UUIDv7 (RFC 9562): time-ordered, so rows sort by creation, and random
// enough that records made on many laptops merge at headquarters without
// collisions. Uses Web Crypto, available in Node 20 and every renderer.
let lastMs = 0;
let seq = 0;

// Random bytes come from a pool filled 4 KB at a time: one getRandomValues
// call costs about as much as the rest of making an id, and every saved
// answer makes at least one id (its event). Bytes are never reused.
const POOL = 4096;
const pool = new Uint8Array(POOL);
let used = POOL;

// Nine per id: three bits for the counter's start, 62 for rand_b.
function take9(): number {
  if (used + 9 > POOL) {
    globalThis.crypto.getRandomValues(pool);
    used = 0;
  }
  const at = used;
  used += 9;
  return at;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function uuidv7(now: number = Date.now()): string {
  const r = take9();
  // A 12-bit counter in rand_a keeps ids made in the same millisecond ordered.
  if (now <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    seq = pool[r]! & 0x07; // small random start leaves room to count up
  }
  // 48-bit milliseconds: the high 16 bits and low 32 bits, exact in doubles.
  const hi = Math.floor(now / 0x1_0000_0000);
  const lo = now >>> 0;
  const h = HEX;
  return h[(hi >>> 8) & 0xff]! + h[hi & 0xff]! + h[lo >>> 24]! + h[(lo >>> 16) & 0xff]! + '-'
    + h[(lo >>> 8) & 0xff]! + h[lo & 0xff]! + '-'
    + h[0x70 | ((seq >> 8) & 0x0f)]! + h[seq & 0xff]! + '-'
    + h[0x80 | (pool[r + 1]! & 0x3f)]! + h[pool[r + 2]!]! + '-'
    + h[pool[r + 3]!]! + h[pool[r + 4]!]! + h[pool[r + 5]!]! + h[pool[r + 6]!]! + h[pool[r + 7]!]! + h[pool[r + 8]!]!;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
