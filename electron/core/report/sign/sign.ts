// The PDF signature, in two steps around pdfkit's doc.end():
// 1. addSignaturePlaceholder writes the signature field into the document
//    itself (signature dictionary with a zero-filled /Contents and a
//    /ByteRange placeholder, an invisible widget, the AcroForm), as
//    @signpdf/placeholder-pdfkit does — that package does not install with
//    pdfkit 0.20, and placeholder-plain turns the whole file into a string
//    (seconds and hundreds of MB for a report full of photos).
// 2. fillSignature hashes the two byte ranges in place, makes the detached
//    PKCS#7 (pkcs7.ts) and writes it into the placeholder: no copy of the file.
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import type { SigningIdentity } from './certificate';
import { IdentitySigner } from './pkcs7';
import { sha256Digest, sha256Stream } from '../../sha256';

export interface SignMeta {
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
}

// The same placeholder conventions as @signpdf/utils.
const BYTE_RANGE_PLACEHOLDER = '**********';
const SUBFILTER_ADOBE_PKCS7_DETACHED = 'adbe.pkcs7.detached';
const ANNOTATION_PRINT = 4;
const SIG_FLAGS = 1 | 2; // signatures exist, append only
// Bytes reserved for the PKCS#7 blob: the signer's certificate plus an organisation CA chain.
export const SIGNATURE_LENGTH = 16_384;

type Ref = { end(): void; data: Record<string, unknown> };
type Doc = PDFKit.PDFDocument & {
  ref(data: Record<string, unknown>): Ref;
  _root: Ref;
  page: { dictionary: Ref };
  _acroform?: { fonts: Record<string, unknown>; defaultFont: string };
};

/** Call after the last page is drawn and before doc.end(). */
export function addSignaturePlaceholder(pdfDoc: PDFKit.PDFDocument, meta: SignMeta): void {
  const doc = pdfDoc as Doc;
  doc.switchToPage(0);
  const signature = doc.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    ByteRange: [0, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER],
    Contents: new Uint8Array(SIGNATURE_LENGTH),
    Reason: new String(meta.reason),
    M: meta.signingTime,
    ContactInfo: new String(meta.contactInfo),
    Name: new String(meta.name),
    Location: new String(meta.location),
    Prop_Build: { App: { Name: 'Fairsite' } },
  });
  const widget = doc.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: signature,
    T: new String('Signature1'),
    F: ANNOTATION_PRINT,
    P: doc.page.dictionary,
  });
  const annots = (doc.page.dictionary.data.Annots as unknown[] | undefined) ?? [];
  doc.page.dictionary.data.Annots = [...annots, widget];
  // pdfkit ends a catalog's AcroForm itself in doc.end() (its form mixin),
  // and wants to know the form's font; a signature field draws no text.
  doc._acroform = { fonts: {}, defaultFont: 'none' };
  doc._root.data.AcroForm = doc.ref({ Type: 'AcroForm', SigFlags: SIG_FLAGS, Fields: [widget], DR: { Font: {} } });
  signature.end();
  widget.end();
}

const PLACEHOLDER = `/ByteRange [0 /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER}]`;

/** Where the placeholder's /ByteRange and the <…> of its /Contents lie in `buf` (offsets within buf). */
function locate(buf: Buffer, at: number): { start: number; end: number } {
  const objStart = buf.lastIndexOf(' obj', at);
  const objEnd = buf.indexOf('endobj', at);
  const tag = buf.indexOf('/Contents <', objStart);
  if (tag < 0 || (objEnd >= 0 && tag > objEnd)) throw new Error('The signature placeholder has no /Contents.');
  const start = tag + '/Contents '.length;
  const end = buf.indexOf('>', start) + 1;
  if (end - start - 2 !== SIGNATURE_LENGTH * 2) throw new Error('The signature placeholder has an unexpected size.');
  return { start, end };
}

function byteRange(start: number, end: number, length: number): string {
  const range = `/ByteRange [0 ${start} ${end} ${length - end}]`;
  if (range.length > PLACEHOLDER.length) throw new Error('The report is too large for the signature byte range.');
  return range.padEnd(PLACEHOLDER.length, ' ');
}

async function signature(digest: Buffer, identity: SigningIdentity, signingTime: Date): Promise<string> {
  const der = await new IdentitySigner(identity).signDigest(digest, signingTime);
  if (der.length > SIGNATURE_LENGTH) throw new Error(`The signature (${der.length} bytes) does not fit the ${SIGNATURE_LENGTH}-byte placeholder.`);
  return der.toString('hex');
}

/** Finds the placeholder, fills /ByteRange and /Contents in place, returns the same buffer. */
export async function fillSignature(pdf: Buffer, identity: SigningIdentity, signingTime: Date): Promise<Buffer> {
  const at = pdf.lastIndexOf(PLACEHOLDER);
  if (at < 0) throw new Error('The report has no signature placeholder.');
  const { start, end } = locate(pdf, at);
  pdf.write(byteRange(start, end, pdf.length), at, 'latin1');
  // The signed bytes are everything but the <…> of /Contents; hashed where they lie.
  const digest = sha256Digest(pdf.subarray(0, start), pdf.subarray(end));
  pdf.write(await signature(digest, identity, signingTime), start + 1, 'latin1');
  return pdf;
}

const CHUNK = 1 << 20;

/**
 * fillSignature on a file, reading it in 1 MB pieces: the placeholder is
 * searched from the end (pdfkit writes it after the photos), the two byte
 * ranges are hashed piece by piece, and only the range and the signature
 * are written. Returns the file's size. (`chunk` is smaller in tests.)
 */
export async function fillSignatureInFile(file: string, identity: SigningIdentity, signingTime: Date, chunk = CHUNK): Promise<number> {
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(chunk + SIGNATURE_LENGTH * 4);
    // Windows overlap by more than a whole signature object, so the object lies whole in one of them.
    const step = chunk;
    let found: { base: number; at: number; start: number; end: number } | undefined;
    for (let hi = size; hi > 0 && !found; hi -= step) {
      const base = Math.max(0, hi - buf.length);
      const n = readSync(fd, buf, 0, hi - base, base);
      const win = buf.subarray(0, n);
      const at = win.lastIndexOf(PLACEHOLDER);
      if (at >= 0 && win.indexOf('endobj', at) >= 0) found = { base, at, ...locate(win, at) };
      if (base === 0) break;
    }
    if (!found) throw new Error('The report has no signature placeholder.');
    const start = found.base + found.start;
    const end = found.base + found.end;
    writeSync(fd, byteRange(start, end, size), found.base + found.at, 'latin1');
    const hash = sha256Stream();
    for (const [from, to] of [[0, start], [end, size]] as const) {
      for (let off = from; off < to;) {
        const n = readSync(fd, buf, 0, Math.min(chunk, to - off), off);
        hash.update(buf.subarray(0, n));
        off += n;
      }
    }
    writeSync(fd, await signature(hash.digest(), identity, signingTime), start + 1, 'latin1');
    fsyncSync(fd);
    return size;
  } finally {
    closeSync(fd);
  }
}
