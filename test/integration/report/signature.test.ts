// The signed report checked by poppler's pdfsig (and qpdf), not by our own
// code: valid, tamper-evident, and trusted when issued by an organisation CA.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../electron/core/report/render';
import { generateIdentity, identityFromP12, type SigningIdentity } from '../../../electron/core/report/sign/certificate';
import { fillSignature, type SignMeta } from '../../../electron/core/report/sign/sign';
import type { ReportData } from '../../../electron/core/report/types';
import { makeReportData } from './fixture';
import { issueP12, makeCa, nssTrusting, pdfsig, run, tempDir, writeTemp } from './tools';

const meta: SignMeta = { name: 'Ana Reyes', reason: 'Audit report', location: 'Makati, PH', contactInfo: 'ana@example.org', signingTime: new Date() };

/** The laid-out report with its empty signature field, ready for fillSignature. */
async function prepared(data: ReportData): Promise<Buffer> {
  return (await renderReport(data, { draft: false, signature: meta })).pdf;
}
const signPdf = (pdf: Buffer, identity: SigningIdentity) => fillSignature(Buffer.from(pdf), identity, meta.signingTime);

describe('signed report', () => {
  let dir: string;
  let unsigned: Buffer;
  let signedFile: string;
  let signed: Buffer;

  beforeAll(async () => {
    dir = tempDir();
    const data = await makeReportData({ items: 40, findings: 6, photos: 4 });
    unsigned = await prepared(data);
    const identity = generateIdentity({ name: 'Ana Reyes', organisation: 'Fair Audit Partners', email: 'ana@example.org' });
    signed = await signPdf(unsigned, identity);
    signedFile = writeTemp(dir, 'signed.pdf', signed);
  });

  it('is valid and covers the whole document', () => {
    const out = pdfsig(signedFile);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signer Certificate Common Name: Ana Reyes');
    expect(out).toContain('adbe.pkcs7.detached');
  });

  it('passes qpdf --check with no warnings', () => {
    const r = run('qpdf', ['--check', signedFile]);
    expect(r.out).toContain('No syntax or stream encoding errors found');
    expect(r.out).not.toContain('WARNING');
    expect(r.code).toBe(0);
  });

  it('shows a digest mismatch when one signed byte is flipped', () => {
    const out0 = pdfsig(signedFile);
    const m = /Signed Ranges: \[(\d+) - (\d+)\], \[(\d+) - (\d+)\]/.exec(out0);
    expect(m).not.toBeNull();
    const [a0, a1, b0, b1] = (m ?? []).slice(1, 5).map(Number) as [number, number, number, number];
    // Flip a letter of the document title: signed, and parsing is unaffected.
    const at = signed.indexOf(Buffer.from('Ethical compliance audit report'));
    expect(at).toBeGreaterThan(0);
    expect((at >= a0 && at < a1) || (at >= b0 && at < b1)).toBe(true);
    const tampered = Buffer.from(signed);
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const out = pdfsig(writeTemp(dir, 'flipped.pdf', tampered));
    expect(out).toContain('Digest Mismatch');
    expect(out).not.toContain('Signature is Valid.');
  });

  it('no longer covers the total document when bytes are appended', () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% appended after signing\n')]);
    const out = pdfsig(writeTemp(dir, 'appended.pdf', appended));
    expect(out).toContain('Not total document signed');
    expect(out).not.toMatch(/^\s*- Total document signed/m);
  });

  it('is trusted when signed with a .p12 issued by an organisation CA in the NSS database', async () => {
    const ca = makeCa();
    const p12 = issueP12(dir, ca, { password: 'org-pass' });
    const identity = identityFromP12(p12, 'org-pass');
    expect(identity.chainPem).toHaveLength(2);
    const file = writeTemp(dir, 'org-signed.pdf', await signPdf(unsigned, identity));
    const nss = nssTrusting(dir, ca);
    const out = pdfsig(file, nss);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Certificate is Trusted.');
    // Without the CA in the database the same file is valid but not trusted.
    const untrusted = pdfsig(file);
    expect(untrusted).toContain('Signature is Valid.');
    expect(untrusted).not.toContain('Certificate is Trusted.');
  });

  it('rejects a .p12 with a wrong password, an expired certificate, or no key, with clear errors', () => {
    const ca = makeCa();
    const good = issueP12(dir, ca, { password: 'right' });
    expect(() => identityFromP12(good, 'wrong')).toThrow(/password .* is wrong/);
    const expired = issueP12(dir, ca, { password: 'p', notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') });
    expect(() => identityFromP12(expired, 'p')).toThrow(/expired on 2021-01-01/);
    const noKey = issueP12(dir, ca, { password: 'p', withKey: false });
    expect(() => identityFromP12(noKey, 'p')).toThrow(/no private key/);
    expect(() => identityFromP12(Buffer.from('not a p12 file'), 'p')).toThrow(/not a PKCS#12/);
  });

  it('changes only the signature field when signing', () => {
    const after = readFileSync(signedFile);
    expect(after.length).toBe(unsigned.length);
    let differing = 0;
    for (let i = 0; i < after.length; i++) if (after[i] !== unsigned[i]) differing++;
    // The byte range numbers and the hex of the PKCS#7 blob, nothing else.
    expect(differing).toBeGreaterThan(1000);
    expect(differing).toBeLessThan(40 + 2 * 16_384);
  });
});

describe('generated identity', () => {
  it('is a self-signed RSA certificate in the auditor name that signs', async () => {
    const id: SigningIdentity = generateIdentity({ name: 'Nguyễn Thị Hương', organisation: 'Fair Audit Partners', email: 'huong@example.org' });
    expect(id.source).toBe('generated');
    expect(id.keyPem).toContain('BEGIN PRIVATE KEY');
    const data = await makeReportData({ items: 10, findings: 1, photos: 0 });
    const pdf = await signPdf(await prepared(data), id);
    const dir = tempDir();
    const out = pdfsig(writeTemp(dir, 'vi.pdf', pdf));
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Nguyễn Thị Hương');
  });
});

describe('certificate subject', () => {
  it('reads back names in any script', async () => {
    const { describe: describeCert } = await import('../../../electron/core/report/sign/certificate');
    const id = generateIdentity({ name: 'Łukasz Żółć', organisation: 'Đặng & Partners', email: 'l@example.org' });
    const subject = describeCert(id).subject;
    expect(subject).toContain('CN=Łukasz Żółć');
    expect(subject).toContain('O=Đặng & Partners');
  });
});
