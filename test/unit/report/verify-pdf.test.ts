// Hostile signature contents never crash HQ's report check: each is a
// ReportCheckFailed with a reason, whatever the DER inside /Contents holds.
import { describe, expect, it } from 'vitest';
import { ReportCheckFailed, verifySignedReport } from '../../../electron/core/report/sign/verify-pdf';

/** A minimal PDF whose /ByteRange covers everything but /Contents <hex>. */
function pdfWith(hex: string): Buffer {
  const head = '%PDF-1.7\n1 0 obj\n<< /Type /Sig /Reason (audit x) /Contents ';
  const b = head.length;
  const c = b + hex.length + 2;
  const tailOf = (d: number) => ` /ByteRange [0 ${b} ${c} ${d}] >>\nendobj\n%%EOF\n`;
  let d = tailOf(0).length;
  d = tailOf(d).length;
  return Buffer.from(`${head}<${hex}>${tailOf(d)}`, 'latin1');
}

describe('verifySignedReport on hostile contents', () => {
  it.each([
    ['empty contents', ''],
    ['a length running past the end', '3084ffffffff'],
    ['a SEQUENCE of zeros', '3080' + '00'.repeat(40)],
    ['a ContentInfo that is not signed data', '300d06092a864886f70d010701a000'],
    ['signed data with a garbage certificate', '3020 06092a864886f70d010702 a013 3011 020101 3100 300b06092a864886f70d010701 a000'.replace(/ /g, '')],
  ])('%s: refused with a reason', (_name, hex) => {
    const pdf = pdfWith(hex);
    expect(() => verifySignedReport(pdf)).toThrow(ReportCheckFailed);
    // Past the byte range: the contents themselves were judged.
    expect(() => verifySignedReport(pdf)).not.toThrow(/whole file|not where the byte range says/);
  });
});
