// The auditor's X.509 identity for PDF signatures: either made here on first
// use (RSA 2048, self-signed) or imported from an organisation's .p12. Held
// in memory as PEM; on disk only sealed (see identity-store.ts).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { Endorsement } from './endorsement';
import { fieldText, refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';

export interface SigningIdentity {
  /** PKCS#8 PEM of the private key. */
  keyPem: string;
  /** The signer's certificate first, then any CA certificates. */
  chainPem: string[];
  source: 'generated' | 'imported';
  /** The auditor's signing key vouching for this certificate (endorsement.ts); absent in identities made before it existed. */
  endorsement?: Endorsement;
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  selfSigned: boolean;
  source: 'generated' | 'imported';
  /** SHA-256 of the certificate DER, hex. */
  fingerprint: string;
}

export interface Person {
  name: string;
  organisation: string;
  email: string;
}

const VALID_YEARS = 5;

export function generateIdentity(who: Person, now = new Date()): SigningIdentity {
  // node:crypto makes the key in milliseconds; forge's own RSA generation takes seconds.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ format: 'pem', type: 'spki' }).toString());
  // Positive serial: clear the top bit.
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + VALID_YEARS * 365 * 24 * 3600 * 1000);
  // Names may be in any script: UTF8String, not forge's default PrintableString (forge encodes the value).
  const utf8 = (v: string) => ({ value: v, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class });
  const attrs = [
    { name: 'commonName', ...utf8(who.name) },
    { name: 'organizationName', ...utf8(who.organisation) },
    { shortName: 'OU', ...utf8('Fairsite auditor') },
    { name: 'emailAddress', value: who.email },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { keyPem, chainPem: [forge.pki.certificateToPem(cert)], source: 'generated' };
}

type ForgeKey = forge.pki.rsa.PrivateKey;

/** Reads an organisation-issued .p12 and checks it can sign today. */
export function identityFromP12(p12: Buffer, password: string, now = new Date()): SigningIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (/MAC could not be verified|Invalid password|decrypt/i.test(why)) {
      throw refusal('rejected', msg('cert.wrongPassword'), [fieldText('password', msg('problem.wrongPassword'))]);
    }
    throw refusal('rejected', msg('cert.notP12'), [fieldText('file', msg('problem.notP12'))]);
  }
  const keys: ForgeKey[] = [];
  for (const type of [forge.pki.oids.pkcs8ShroudedKeyBag, forge.pki.oids.keyBag]) {
    for (const bag of parsed.getBags({ bagType: type as string })[type as string] ?? []) {
      if (bag.key) keys.push(bag.key as ForgeKey);
    }
  }
  if (!keys.length) throw refusal('rejected', msg('cert.noKey'), [fieldText('file', msg('problem.noPrivateKey'))]);
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag as string })[forge.pki.oids.certBag as string] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  const key = keys[0] as ForgeKey;
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return !!pub.n && pub.n.equals(key.n) && pub.e.equals(key.e);
  });
  if (!own) throw refusal('rejected', msg('cert.noCertificate'), [fieldText('file', msg('problem.noCertificate'))]);
  if (own.validity.notAfter < now) {
    throw refusal('rejected', msg('cert.expired', { date: own.validity.notAfter.toISOString().slice(0, 10) }), [fieldText('file', msg('problem.expired'))]);
  }
  if (own.validity.notBefore > now) {
    throw refusal('rejected', msg('cert.notYet', { date: own.validity.notBefore.toISOString().slice(0, 10) }), [fieldText('file', msg('problem.notYetValid'))]);
  }
  const keyPem = forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key)));
  const others = certs.filter((c) => c !== own).map((c) => forge.pki.certificateToPem(c));
  return { keyPem, chainPem: [forge.pki.certificateToPem(own), ...others], source: 'imported' };
}

function dn(attrs: forge.pki.CertificateField[]): string {
  // forge leaves UTF8String values as their raw bytes.
  const text = (a: forge.pki.CertificateField) => (a.valueTagClass === (forge.asn1.Type.UTF8 as unknown) ? forge.util.decodeUtf8(String(a.value)) : String(a.value));
  return attrs.map((a) => `${a.shortName ?? a.name}=${text(a)}`).join(', ');
}

export function describe(identity: SigningIdentity): CertificateInfo {
  const pem = identity.chainPem[0];
  if (!pem) throw refusal('storage', msg('cert.identityNoCertificate'));
  const cert = forge.pki.certificateFromPem(pem);
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  const md = forge.md.sha256.create();
  md.update(der);
  return {
    subject: dn(cert.subject.attributes),
    issuer: dn(cert.issuer.attributes),
    serial: cert.serialNumber,
    notBefore: cert.validity.notBefore.toISOString(),
    notAfter: cert.validity.notAfter.toISOString(),
    selfSigned: cert.isIssuer(cert),
    source: identity.source,
    fingerprint: md.digest().toHex(),
  };
}
