// How many scans (SOS segments) a JPEG holds, counted from its markers
// before any decoding. A progressive JPEG is drawn in passes; cameras and
// encoders write about ten. A file made of thousands of scans makes the
// decoder redo the whole picture for each (minutes of CPU for 2 MB), so
// such files are refused before they reach the decoder.
import { open } from 'node:fs/promises';

/** libjpeg-turbo's own tools suggest a limit of this order (djpeg -maxscans); real photos stay far below. */
export const MAX_JPEG_SCANS = 100;

/**
 * Counts SOS markers, walking marker segments by their lengths (so JPEG
 * thumbnails inside EXIF are skipped) and entropy-coded data up to its next marker.
 * Stops counting past `stopAfter`. Reads the file in pieces of `chunkBytes`
 * (1 MiB; tests use tiny ones to put every boundary case on a piece's edge).
 * Entropy-coded data is searched inside the piece in hand without awaiting:
 * a 12 MP JPEG holds thousands of 0xFF bytes, and two awaits for each took
 * 6.2 ms of CPU per photo, against 2.5 ms searched in place (its hashing
 * and writing: 12.6 ms).
 */
export async function countJpegScans(path: string, stopAfter = MAX_JPEG_SCANS + 1, chunkBytes = 1024 * 1024): Promise<number> {
  const fh = await open(path, 'r');
  const buf = Buffer.alloc(chunkBytes);
  let view = buf.subarray(0, 0);
  let bufStart = 0;
  let fileEnd = false;
  const has = (pos: number): boolean => pos >= bufStart && pos < bufStart + view.length;
  /** Makes the byte at `pos` readable in `view` (reading the file from there if needed); false past the end of the file. */
  const load = async (pos: number): Promise<boolean> => {
    if (has(pos)) return true;
    if (fileEnd && pos >= bufStart + view.length) return false;
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    bufStart = pos;
    view = buf.subarray(0, bytesRead);
    if (bytesRead < buf.length) fileEnd = true;
    return bytesRead > 0;
  };
  const byteAt = async (pos: number): Promise<number> => ((has(pos) || (await load(pos))) ? view[pos - bufStart]! : -1);
  try {
    let scans = 0;
    let pos = 2; // after SOI
    for (;;) {
      // The next marker: 0xFF, any fill 0xFF bytes, then the marker code.
      let b = await byteAt(pos);
      if (b !== 0xff) return scans;
      while (b === 0xff) b = await byteAt(++pos);
      if (b < 0) return scans;
      const marker = b;
      pos++;
      if (marker === 0xd9) return scans;
      if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;
      const hi = await byteAt(pos);
      const lo = await byteAt(pos + 1);
      if (hi < 0 || lo < 0) return scans;
      pos += (hi << 8) | lo;
      if (marker !== 0xda) continue;
      if (++scans >= stopAfter) return scans;
      // Entropy-coded data runs to the next 0xFF that is neither stuffing (0xFF00) nor a restart marker.
      for (;;) {
        if (!has(pos) && !(await load(pos))) return scans;
        const i = view.indexOf(0xff, pos - bufStart);
        if (i < 0) {
          pos = bufStart + view.length;
          continue;
        }
        pos = bufStart + i;
        const n = i + 1 < view.length ? view[i + 1]! : await byteAt(pos + 1);
        if (n < 0) return scans;
        if (n !== 0x00 && !(n >= 0xd0 && n <= 0xd7)) break;
        pos += 2;
      }
    }
  } finally {
    await fh.close();
  }
}
