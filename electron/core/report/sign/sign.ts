// Detached PKCS#7 (adbe.pkcs7.detached) signature over the whole file, with
// @signpdf: a plain-text placeholder appended to the pdfkit output, then
// the signature (see pkcs7.ts) written into it.
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import type { SigningIdentity } from './certificate';
import { IdentitySigner } from './pkcs7';

export interface SignMeta {
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
  signingTime?: Date;
}

// Room for the PKCS#7 blob: the signer's certificate plus an organisation CA chain.
const SIGNATURE_LENGTH = 16_384;

export async function signPdf(pdf: Buffer, identity: SigningIdentity, meta: SignMeta): Promise<Buffer> {
  const signingTime = meta.signingTime ?? new Date();
  const withPlaceholder = fixStartXref(plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: meta.reason,
    contactInfo: meta.contactInfo,
    name: meta.name,
    location: meta.location,
    signingTime,
    signatureLength: SIGNATURE_LENGTH,
    appName: 'Fairsite',
  }));
  return new SignPdf().sign(withPlaceholder, new IdentitySigner(identity), signingTime);
}

/**
 * placeholder-plain points the final startxref at the blank line before
 * "xref"; readers cope, but qpdf --check warns. Point it at the keyword.
 * Done before signing, so the signature covers the corrected bytes.
 */
export function fixStartXref(pdf: Buffer): Buffer {
  const tail = pdf.subarray(Math.max(0, pdf.length - 64)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m || m[1] === undefined) return pdf;
  let at = Number(m[1]);
  if (pdf.subarray(at, at + 4).toString('latin1') === 'xref') return pdf;
  while (at < pdf.length && (pdf[at] === 0x0a || pdf[at] === 0x0d || pdf[at] === 0x20)) at++;
  if (pdf.subarray(at, at + 4).toString('latin1') !== 'xref') return pdf;
  const start = pdf.length - tail.length + m.index;
  return Buffer.concat([pdf.subarray(0, start), Buffer.from(`startxref\n${at}\n%%EOF\n`, 'latin1')]);
}
