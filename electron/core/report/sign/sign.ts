// The PDF signature, in two steps around pdfkit's doc.end():
// 1. addSignaturePlaceholder writes the signature field into the document
//    itself (signature dictionary with a zero-filled /Contents and a
//    /ByteRange placeholder, an invisible widget, the AcroForm), as
//    @signpdf/placeholder-pdfkit does — that package does not install with
//    pdfkit 0.20, and placeholder-plain turns the whole file into a string
//    (seconds and hundreds of MB for a report full of photos).
// 2. fillSignature hashes the two byte ranges in place, makes the detached
//    PKCS#7 (pkcs7.ts) and writes it into the placeholder: no copy of the file.
import { createHash } from 'node:crypto';
import type { SigningIdentity } from './certificate';
import { IdentitySigner } from './pkcs7';

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

/** Finds the placeholder, fills /ByteRange and /Contents in place, returns the same buffer. */
export async function fillSignature(pdf: Buffer, identity: SigningIdentity, signingTime: Date): Promise<Buffer> {
  const placeholder = `/ByteRange [0 /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER}]`;
  const at = pdf.lastIndexOf(placeholder);
  if (at < 0) throw new Error('The report has no signature placeholder.');
  const objStart = pdf.lastIndexOf(' obj', at);
  const objEnd = pdf.indexOf('endobj', at);
  const tag = pdf.indexOf('/Contents <', objStart);
  if (tag < 0 || tag > objEnd) throw new Error('The signature placeholder has no /Contents.');
  const start = tag + '/Contents '.length;
  const end = pdf.indexOf('>', start) + 1;
  if (end - start - 2 !== SIGNATURE_LENGTH * 2) throw new Error('The signature placeholder has an unexpected size.');

  const range = `/ByteRange [0 ${start} ${end} ${pdf.length - end}]`;
  if (range.length > placeholder.length) throw new Error('The report is too large for the signature byte range.');
  pdf.write(range.padEnd(placeholder.length, ' '), at, 'latin1');

  // The signed bytes are everything but the <…> of /Contents; hashed where they lie.
  const digest = createHash('sha256').update(pdf.subarray(0, start)).update(pdf.subarray(end)).digest();
  const der = await new IdentitySigner(identity).signDigest(digest, signingTime);
  if (der.length > SIGNATURE_LENGTH) throw new Error(`The signature (${der.length} bytes) does not fit the ${SIGNATURE_LENGTH}-byte placeholder.`);
  pdf.write(der.toString('hex'), start + 1, 'latin1');
  return pdf;
}
