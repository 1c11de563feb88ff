// A detached PKCS#7 SignedData signer for @signpdf. Unlike signer-p12 it
// keeps the certificates' own DER bytes: forge re-encodes a parsed UTF-8
// name twice, so a signer named "Nguyễn Thị Hương" would get an
// issuer-and-serial that matches no certificate, and readers reject it.
// Hashing and RSA use node:crypto, so a report full of photos is never
// copied into a JavaScript string.
import { createPrivateKey, sign as rsaSign, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { Signer } from '@signpdf/signpdf';
import type { SigningIdentity } from './certificate';
import { ENDORSEMENT_OID, oidBytes } from './endorsement';
import { sha256Digest } from '../../sha256';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

const seq = (v: Node[]): Node => asn1.create(U, T.SEQUENCE, true, v);
const set = (v: Node[]): Node => asn1.create(U, T.SET, true, v);
const oid = (o: string): Node => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes());
const int = (n: number): Node => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const octets = (b: Buffer): Node => asn1.create(U, T.OCTETSTRING, false, b.toString('binary'));
const algorithm = (o: string): Node => seq([oid(o), asn1.create(U, T.NULL, false, '')]);
const attribute = (type: string, value: Node): Node => seq([oid(type), set([value])]);
// decodeBitStrings off: a certificate's signature bits are kept as they are.
const fromDer = (der: Buffer): Node => (asn1.fromDer as unknown as (b: forge.util.ByteStringBuffer, o: object) => Node)(forge.util.createBuffer(der.toString('binary')), { decodeBitStrings: false });
const toDer = (n: Node): Buffer => Buffer.from(asn1.toDer(n).getBytes(), 'binary');

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

/** Issuer name and serial number exactly as they are in the certificate. */
function issuerAndSerial(certDer: Buffer): Node {
  const cert = fromDer(certDer);
  const tbs = (cert.value as Node[])[0] as Node;
  const parts = tbs.value as Node[];
  // TBSCertificate starts with an optional [0] version.
  const i = parts[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = parts[i];
  const issuer = parts[i + 2];
  if (!serial || !issuer) throw new Error('The signing certificate is malformed.');
  return seq([issuer, serial]);
}

export class IdentitySigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  /** [1] IMPLICIT unsignedAttrs: the signing key's endorsement of the certificate (endorsement.ts). */
  private unsignedAttributes(): Node[] {
    const e = this.identity.endorsement;
    if (!e) return [];
    const value = seq([octets(Buffer.from(e.publicKey, 'base64')), octets(Buffer.from(e.signature, 'base64'))]);
    const type = asn1.create(U, T.OID, false, oidBytes(ENDORSEMENT_OID).toString('binary'));
    return [asn1.create(asn1.Class.CONTEXT_SPECIFIC, 1, true, [seq([type, set([value])])])];
  }

  /** The @signpdf Signer interface: signs the bytes it is given. */
  override async sign(pdf: Buffer, signingTime: Date = new Date()): Promise<Buffer> {
    return this.signDigest(sha256Digest(pdf), signingTime);
  }

  /** Signs a SHA-256 already computed over the signed byte ranges. */
  async signDigest(digest: Buffer, signingTime: Date = new Date()): Promise<Buffer> {
    const certs = this.identity.chainPem.map((pem) => new X509Certificate(pem).raw);
    const own = certs[0];
    if (!own) throw new Error('No signing certificate.');
    // DER SET OF order: these three sort as listed (their encodings grow in length).
    const attrs = [
      attribute(OID.contentType, oid(OID.data)),
      attribute(OID.signingTime, asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(signingTime))),
      attribute(OID.messageDigest, octets(digest)),
    ];
    // The signature covers the attributes as a SET; the message carries them as [0] IMPLICIT.
    const signature = rsaSign('sha256', toDer(set(attrs)), createPrivateKey(this.identity.keyPem));
    const signerInfo = seq([
      int(1),
      issuerAndSerial(own),
      algorithm(OID.sha256),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrs),
      algorithm(OID.rsaEncryption),
      octets(signature),
      ...this.unsignedAttributes(),
    ]);
    const signedData = seq([
      int(1),
      set([algorithm(OID.sha256)]),
      seq([oid(OID.data)]),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certs.map(fromDer)),
      set([signerInfo]),
    ]);
    return toDer(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
  }
}
