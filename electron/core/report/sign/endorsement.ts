// Which enrolled auditor a report certificate belongs to. HQ knows auditors
// by their Ed25519 signing key, not by the RSA certificate that signs PDFs
// (made on the laptop, or an organisation's .p12). So the signing key signs
// the certificate: an endorsement, made only with the auditor's key unlocked,
// carried inside every signed PDF (an unsigned attribute of the PDF's CMS
// signature) and checked by HQ against the key that signed the bundle.
import { sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { publicKeyFromRaw } from '../../bundle/signature';
import { sha256Digest } from '../../sha256';

const DOMAIN = Buffer.from('fairsite-report-certificate-v1\n', 'utf8');

/** OID 2.25.<UUID as an integer> (ITU-T X.667): needs no registry. */
export const ENDORSEMENT_OID = '2.25.216443918305062373727432339011812356873';

export interface Endorsement {
  /** Raw Ed25519 public key of the auditor's signing key, base64. */
  publicKey: string;
  /** Ed25519 signature over DOMAIN || SHA-256(certificate DER), base64. */
  signature: string;
}

const message = (certDer: Buffer): Buffer => Buffer.concat([DOMAIN, sha256Digest(certDer)]);

export const certificateDer = (pem: string): Buffer => new X509Certificate(pem).raw;

export function endorse(certPem: string, key: { privateKey: KeyObject; publicKeyRaw: Buffer }): Endorsement {
  return { publicKey: key.publicKeyRaw.toString('base64'), signature: sign(null, message(certificateDer(certPem)), key.privateKey).toString('base64') };
}

/** Whether `e` is a valid endorsement of the certificate by the key `publicKeyRaw`. */
export function checkEndorsement(certDer: Buffer, publicKeyRaw: Buffer, signature: Buffer): boolean {
  if (publicKeyRaw.length !== 32 || signature.length !== 64) return false;
  try {
    return verify(null, message(certDer), publicKeyFromRaw(publicKeyRaw), signature);
  } catch {
    return false;
  }
}

/** The OID's DER content bytes (forge's own encoder loses digits past 2^53). */
export function oidBytes(oid: string): Buffer {
  const parts = oid.split('.').map((p) => BigInt(p));
  const arcs = [parts[0]! * 40n + parts[1]!, ...parts.slice(2)];
  const out: number[] = [];
  for (const arc of arcs) {
    const groups: number[] = [];
    let v = arc;
    do {
      groups.unshift(Number(v & 0x7fn));
      v >>= 7n;
    } while (v > 0n);
    groups.forEach((g, i) => out.push(i < groups.length - 1 ? g | 0x80 : g));
  }
  return Buffer.from(out);
}
