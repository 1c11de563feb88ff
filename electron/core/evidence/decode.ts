// Opening a received file as a picture, with a clear message for every way
// it can fail. Phones save HEIC (HEVC-coded HEIF), which the prebuilt sharp
// cannot decode; those are decoded with libheif compiled to WebAssembly.
import { open } from 'node:fs/promises';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '../../../shared/errors';
import { refusal } from '../../../shared/core-messages';
import { msg, type Message } from '../../../shared/messages';
import { readExif, type ExifFacts } from './exif';
import { sniff } from './sniff';
import { countJpegScans, MAX_JPEG_SCANS } from './jpeg-scans';
import { decodeHeicOffThread, type HeicPixels } from './heic-worker';

export interface Decoded {
  format: string;
  ext: string;
  /** Upright size. */
  width: number;
  height: number;
  exif: ExifFacts;
  /** A new upright pipeline over the picture each time. */
  pipeline(): Sharp;
}

const EXT: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', tiff: 'tif', heic: 'heic', avif: 'avif' };
const NAMES: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', gif: 'GIF', tiff: 'TIFF', heic: 'HEIC', avif: 'AVIF', bmp: 'BMP' };

/** What a file that is not a picture is, as a refusal names it (sniff.ts's labels). */
const FILE_KINDS: Record<string, string> = {
  'a video (MP4 or MOV)': 'photo.kind.video', 'a PDF document': 'photo.kind.pdf', 'a ZIP archive or Office document': 'photo.kind.zip',
  'an SVG drawing': 'photo.kind.svg', 'a web page or XML file': 'photo.kind.markup', 'a text file': 'photo.kind.text',
};

const reject = (text: Message) => refusal('rejected', text);
/** sharp's own default limit, said in words before it fails deep in a pipeline; HEIC is held to it too. */
export const MAX_PIXELS = 268_402_689;
/** The longest any one decode may take (sharp's pipeline timeout, the HEIC worker's limit). */
export const DECODE_SECONDS = 60;

async function head(path: string, n = 4096): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const shortReason = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 160);

const tooManyPixels = (width: number, height: number) =>
  reject(msg('photo.tooManyPixels', { megapixels: Math.round((width * height) / 1e6), max: Math.round(MAX_PIXELS / 1e6) }));

async function decodeHeic(path: string, exif: ExifFacts): Promise<Decoded> {
  const { readFile } = await import('node:fs/promises');
  let img: HeicPixels;
  try {
    // Off the main thread, with the pixel cap checked before decoding and a time limit.
    img = await decodeHeicOffThread(await readFile(path), { maxPixels: MAX_PIXELS, timeoutMs: DECODE_SECONDS * 1000, tooLarge: tooManyPixels });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw reject(msg('photo.heicUndecodable', { error: shortReason(err) }));
  }
  const raw = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  // libheif has already applied the container's rotation and mirroring.
  return {
    format: 'heic', ext: 'heic', width: img.width, height: img.height, exif,
    pipeline: () => sharp(raw, { raw: { width: img.width, height: img.height, channels: 4 } }),
  };
}

export async function decodePhoto(path: string, bytes: number): Promise<Decoded> {
  if (bytes === 0) throw reject(msg('photo.empty'));
  const sniffed = sniff(await head(path));
  if (sniffed.kind === 'other') throw reject(msg('photo.notAPhoto', { what: msg(FILE_KINDS[sniffed.label] ?? 'core.asWritten', { text: sniffed.label }) }));
  if (sniffed.kind === 'unknown') throw reject(msg('photo.notAnImage'));
  if (sniffed.format === 'bmp') throw reject(msg('photo.bmp'));
  const label = NAMES[sniffed.format] ?? sniffed.format.toUpperCase();
  let meta: Metadata;
  try {
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw reject(msg('photo.damaged', { format: label, error: shortReason(err) }));
  }
  const exif = readExif(meta.exif);
  if (meta.format === 'heif') {
    if (meta.compression === 'hevc') return decodeHeic(path, exif);
    if (meta.compression !== 'av1') throw reject(meta.compression ? msg('photo.heifCompression', { compression: meta.compression }) : msg('photo.heifUnknownCompression'));
  }
  const format = meta.format === 'heif' ? 'avif' : meta.format;
  const ext = EXT[format];
  if (!ext || !meta.width || !meta.height) throw reject(msg('photo.notTaken', { format: label }));
  if (meta.width * meta.height > MAX_PIXELS) throw tooManyPixels(meta.width, meta.height);
  if (format === 'jpeg') {
    // Counted from the markers before decoding: each scan is a full pass of the decoder.
    const scans = await countJpegScans(path);
    if (scans > MAX_JPEG_SCANS) throw reject(msg('photo.tooManyScans', { max: MAX_JPEG_SCANS }));
  }
  const sideways = (meta.orientation ?? 1) >= 5;
  return {
    format, ext, exif,
    width: sideways ? meta.height : meta.width,
    height: sideways ? meta.width : meta.height,
    // failOn 'error' rather than the stricter default: cameras write small
    // flaws (extra bytes after the image) that lose no pixels.
    pipeline: () => sharp(path, { failOn: 'error' }).rotate(),
  };
}

/** A picture that opened but could not be decoded to the end. */
export const damagedText = (format: string, err: unknown): Message =>
  msg('photo.undecodable', { format: NAMES[format] ?? format.toUpperCase(), error: shortReason(err) });
