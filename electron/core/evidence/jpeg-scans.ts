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
 * thumbnails inside EXIF are skipped) and entropy-coded data byte by byte.
 * Stops counting past `stopAfter`. Reads the file in 1 MiB pieces.
 */
export async function countJpegScans(path: string, stopAfter = MAX_JPEG_SCANS + 1): Promise<number> {
  const fh = await open(path, 'r');
  const buf = Buffer.alloc(1024 * 1024);
  let bufStart = 0;
  let bufLen = 0;
  let fileEnd = false;
  const byteAt = async (pos: number): Promise<number> => {
    if (pos < bufStart || pos >= bufStart + bufLen) {
      if (fileEnd && pos >= bufStart + bufLen) return -1;
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      bufStart = pos;
      bufLen = bytesRead;
      if (bytesRead < buf.length) fileEnd = true;
      if (bytesRead === 0) return -1;
    }
    return buf[pos - bufStart]!;
  };
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
        if ((await byteAt(pos)) < 0) return scans;
        const i = buf.subarray(0, bufLen).indexOf(0xff, pos - bufStart);
        if (i < 0) {
          pos = bufStart + bufLen;
          continue;
        }
        pos = bufStart + i;
        const n = await byteAt(pos + 1);
        if (n < 0) return scans;
        if (n !== 0x00 && !(n >= 0xd0 && n <= 0xd7)) break;
        pos += 2;
      }
    }
  } finally {
    await fh.close();
  }
}
