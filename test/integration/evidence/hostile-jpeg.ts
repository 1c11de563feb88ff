// A valid progressive JPEG made of very many scans, written byte by byte: a
// flat grey picture (every AC coefficient zero), one DC scan, then for each
// of the 63 AC coefficients a first scan at bit 13 and 13 refinement scans.
// Each scan is a handful of bytes (one end-of-band run over every block),
// yet the decoder walks every block of the picture for each one.

class Bits {
  readonly out: number[] = [];
  private acc = 0;
  private n = 0;
  put(value: number, len: number): void {
    for (let i = len - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.n === 8) this.flushByte();
    }
  }
  private flushByte(): void {
    this.out.push(this.acc);
    if (this.acc === 0xff) this.out.push(0x00); // byte stuffing
    this.acc = 0;
    this.n = 0;
  }
  /** Pads the last byte with 1-bits, as the standard asks. */
  end(): number[] {
    if (this.n) this.put(0xff, 8 - this.n);
    return this.out;
  }
}

const u16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];
const segment = (marker: number, body: number[]) => [0xff, marker, ...u16(body.length + 2), ...body];

/** An end-of-band run over `blocks` blocks: AC symbols 0xE0 (runs of 16384–32767, code 0) and 0x10 (2–3, code 10), 0x00 (1, code 110). */
function eobRuns(bits: Bits, blocks: number): void {
  let left = blocks;
  while (left >= 16384) {
    const run = left >= 32768 ? 16384 : Math.min(left, 32767);
    bits.put(0b0, 1);
    bits.put(run - 16384, 14);
    left -= run;
  }
  if (left >= 2) {
    if (left > 3) throw new Error('choose a size whose block count is a multiple of 16384 (plus 0–3)');
    bits.put(0b10, 2);
    bits.put(left - 2, 1);
    left = 0;
  }
  if (left === 1) bits.put(0b110, 3);
}

export function manyScanJpeg(size = 4096): { bytes: Buffer; scans: number } {
  const blocks = (size / 8) ** 2;
  const out: number[] = [0xff, 0xd8];
  out.push(...segment(0xdb, [0x00, ...Array(64).fill(1)])); // DQT: all ones
  out.push(...segment(0xc2, [8, ...u16(size), ...u16(size), 1, 1, 0x11, 0])); // SOF2, one grey component
  // DHT DC 0: one code "0" for category 0. DHT AC 0: 0xE0 "0", 0x10 "10", 0x00 "110".
  out.push(...segment(0xc4, [0x00, 1, ...Array(15).fill(0), 0x00]));
  out.push(...segment(0xc4, [0x10, 1, 1, 1, ...Array(13).fill(0), 0xe0, 0x10, 0x00]));
  let scans = 0;
  const scan = (ss: number, se: number, ah: number, al: number, data: number[]) => {
    out.push(...segment(0xda, [1, 1, 0x00, ss, se, (ah << 4) | al]), ...data);
    scans++;
  };
  const dc = new Bits();
  for (let i = 0; i < blocks; i++) dc.put(0, 1); // every DC difference is 0
  scan(0, 0, 0, 0, dc.end());
  const acRun = (() => {
    const b = new Bits();
    eobRuns(b, blocks);
    return b.end();
  })();
  for (let k = 1; k <= 63; k++) {
    scan(k, k, 0, 13, acRun);
    for (let ah = 13; ah >= 1; ah--) scan(k, k, ah, ah - 1, acRun);
  }
  out.push(0xff, 0xd9);
  return { bytes: Buffer.from(out), scans };
}
