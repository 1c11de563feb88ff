// A first look at the bytes, so a rejected file is named for what it is
// ("a PDF document", "a video") rather than "unsupported".
export type Sniffed =
  | { kind: 'image'; format: 'jpeg' | 'png' | 'gif' | 'webp' | 'tiff' | 'heif' | 'avif' | 'bmp' }
  | { kind: 'other'; label: string }
  | { kind: 'unknown' };

const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));
const starts = (b: Uint8Array, sig: number[], at = 0): boolean => sig.every((v, i) => b[at + i] === v);

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

export function sniff(head: Uint8Array): Sniffed {
  if (starts(head, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg' };
  if (starts(head, [0x89, 0x50, 0x4e, 0x47])) return { kind: 'image', format: 'png' };
  if (ascii(head, 0, 4) === 'GIF8') return { kind: 'image', format: 'gif' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { kind: 'image', format: 'webp' };
  if (starts(head, [0x49, 0x49, 0x2a, 0x00]) || starts(head, [0x4d, 0x4d, 0x00, 0x2a])) return { kind: 'image', format: 'tiff' };
  if (ascii(head, 0, 2) === 'BM') return { kind: 'image', format: 'bmp' };
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (AVIF_BRANDS.has(brand)) return { kind: 'image', format: 'avif' };
    if (HEIF_BRANDS.has(brand)) return { kind: 'image', format: 'heif' };
    return { kind: 'other', label: 'a video (MP4 or MOV)' };
  }
  if (ascii(head, 0, 5) === '%PDF-') return { kind: 'other', label: 'a PDF document' };
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'other', label: 'a ZIP archive or Office document' };
  const text = ascii(head, 0, Math.min(head.length, 512)).trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return { kind: 'other', label: 'an SVG drawing' };
  if (text.startsWith('<')) return { kind: 'other', label: 'a web page or XML file' };
  if (head.length > 0 && head.subarray(0, 512).every((c) => c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127) || c >= 128)) return { kind: 'other', label: 'a text file' };
  return { kind: 'unknown' };
}
