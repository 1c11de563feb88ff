// Checking a signed report without a PDF library: the last signature
// dictionary's /ByteRange must cover the whole file but its /Contents, the
// CMS signature in /Contents must be a valid RSA signature over that digest
// by the certificate it carries, and that certificate must be endorsed by the
// expected auditor's Ed25519 key (endorsement.ts). What the signature says
// about the audit (its id, revision and finalize content hash) is read from
// the signed /Reason.
import { verify, X509Certificate } from 'node:crypto';
import { checkEndorsement, ENDORSEMENT_OID, oidBytes } from './endorsement';
import { fingerprintOf } from '../../bundle/signature';
import { sha256Digest } from '../../sha256';
import { coreEnglish } from '../../../../shared/core-messages';
import { msg, type Message } from '../../../../shared/messages';

export interface SignedReportFacts {
  auditId: string;
  revision: number;
  contentHash: string;
  /** SHA-256 fingerprint (hex) of the Ed25519 key that endorsed the signing certificate. */
  endorsedBy: string;
  signer: string;
}

/** Why a report's signature was refused: a message (the refusal says it in the HQ clerk's language), its English the error's message. */
export class ReportCheckFailed extends Error {
  readonly text: Message;
  constructor(text: Message) {
    super(coreEnglish(text));
    this.text = text;
  }
}
const fail = (key: string): never => {
  throw new ReportCheckFailed(msg(key));
};

interface Tlv {
  tag: number;
  start: number;
  /** First content byte. */
  body: number;
  end: number;
}

function tlv(buf: Buffer, at: number, limit = buf.length): Tlv {
  if (at + 2 > limit) fail('reportCheck.cutShort');
  const tag = buf[at]!;
  let len = buf[at + 1]!;
  let body = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4 || body + n > limit) fail('reportCheck.malformed');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[body + i]!;
    body += n;
  }
  if (body + len > limit) fail('reportCheck.cutShort');
  return { tag, start: at, body, end: body + len };
}

function children(buf: Buffer, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = t.body; at < t.end; ) {
    const c = tlv(buf, at, t.end);
    out.push(c);
    at = c.end;
  }
  return out;
}

const bytes = (buf: Buffer, t: Tlv): Buffer => buf.subarray(t.body, t.end);

const OID_MESSAGE_DIGEST = oidBytes('1.2.840.113549.1.9.4');
const OID_SIGNED_DATA = oidBytes('1.2.840.113549.1.7.2');
const OID_ENDORSEMENT = oidBytes(ENDORSEMENT_OID);

/** Attribute (SEQUENCE { OID, SET { value } }) with this type, its first value. */
function attribute(buf: Buffer, attrs: Tlv[], oid: Buffer): Tlv | null {
  for (const a of attrs) {
    const [type, values] = children(buf, a);
    if (type && values && bytes(buf, type).equals(oid)) return children(buf, values)[0] ?? null;
  }
  return null;
}

/** The PDF literal string after `key` in `dict`, unescaped (ASCII is all the reason holds). */
function literal(dict: string, key: string): string | null {
  const at = dict.indexOf(`${key} (`);
  if (at < 0) return null;
  let out = '';
  for (let i = at + key.length + 2, depth = 0; i < dict.length; i++) {
    const c = dict[i]!;
    if (c === '\\') {
      out += dict[++i] ?? '';
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && depth-- === 0) return out;
    out += c;
  }
  return null;
}

/** The facts a valid, endorsed signature vouches for; throws ReportCheckFailed with the reason otherwise. */
export function verifySignedReport(pdf: Buffer): SignedReportFacts {
  try {
    return check(pdf);
  } catch (e) {
    // Whatever a hostile PDF makes the parsers throw is a refusal, never a crash of the import.
    if (e instanceof ReportCheckFailed) throw e;
    throw new ReportCheckFailed(msg('reportCheck.unreadable', { error: (e instanceof Error ? e.message : String(e)).slice(0, 80) }));
  }
}

function check(pdf: Buffer): SignedReportFacts {
  const at = pdf.lastIndexOf('/ByteRange [');
  if (at < 0) fail('reportCheck.notSigned');
  const m = /^\/ByteRange \[\s*(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(pdf.subarray(at, at + 80).toString('latin1'));
  if (!m) fail('reportCheck.noByteRange');
  const [a, b, c, d] = m!.slice(1).map(Number) as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b || c + d !== pdf.length) fail('reportCheck.notWhole');
  if (pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) fail('reportCheck.contentsMisplaced');
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  if (!/^[0-9a-fA-F]*$/.test(hex)) fail('reportCheck.notHex');
  const der = Buffer.from(hex, 'hex');
  const digest = sha256Digest(pdf.subarray(0, b), pdf.subarray(c, c + d));

  const objStart = pdf.lastIndexOf(' obj', at);
  const objEnd = pdf.indexOf('endobj', at);
  const dict = Buffer.concat([pdf.subarray(Math.max(0, objStart), b), pdf.subarray(c, objEnd < 0 ? c : objEnd)]).toString('latin1');

  const ci = tlv(der, 0);
  const [ctype, cwrap] = children(der, ci);
  if (!ctype || !cwrap || !bytes(der, ctype).equals(OID_SIGNED_DATA)) fail('reportCheck.notCms');
  const sd = children(der, cwrap!)[0] ?? fail('reportCheck.noSignedData');
  const parts = children(der, sd);
  const certsNode = parts.find((p) => p.tag === 0xa0);
  const infos = parts.at(-1);
  if (!certsNode || !infos) fail('reportCheck.noCertificate');
  const certs = children(der, certsNode!).map((t) => der.subarray(t.start, t.end));
  const infoList = children(der, infos!);
  if (infoList.length !== 1) fail('reportCheck.manySignatures');
  const si = children(der, infoList[0]!);
  const signed = si.find((p) => p.tag === 0xa0);
  const unsigned = si.find((p) => p.tag === 0xa1);
  const sigValue = si.filter((p) => p.tag === 0x04).at(-1);
  const sid = si[1];
  if (!signed || !sigValue || !sid) fail('reportCheck.incomplete');

  const md = attribute(der, children(der, signed!), OID_MESSAGE_DIGEST);
  if (!md || !bytes(der, md).equals(digest)) fail('reportCheck.changed');
  // The signature covers the attributes encoded as a SET, not as the [0] they are carried in.
  const signedSet = Buffer.from(der.subarray(signed!.start, signed!.end));
  signedSet[0] = 0x31;
  const sidBytes = der.subarray(sid!.start, sid!.end);
  const certDer = certs.find((cd) => sidMatches(cd, sidBytes)) ?? fail('reportCheck.certificateNotCarried');
  const cert = new X509Certificate(certDer);
  let ok = false;
  try {
    ok = verify('sha256', signedSet, cert.publicKey, bytes(der, sigValue!));
  } catch {
    ok = false;
  }
  if (!ok) fail('reportCheck.invalid');

  const endorsement = unsigned ? attribute(der, children(der, unsigned), OID_ENDORSEMENT) : null;
  if (!endorsement) fail('reportCheck.notVouched');
  const [pk, es] = children(der, endorsement!);
  if (!pk || !es || !checkEndorsement(certDer, bytes(der, pk), bytes(der, es))) fail('reportCheck.endorsementInvalid');

  const reason = literal(dict, '/Reason') ?? '';
  const facts = /audit ([0-9a-f-]{36}) revision (\d+), content hash ([0-9a-f]{64})/.exec(reason);
  if (!facts) fail('reportCheck.noAuditNamed');
  return {
    auditId: facts![1]!, revision: Number(facts![2]), contentHash: facts![3]!,
    endorsedBy: fingerprintOf(bytes(der, pk!)), signer: cert.subject.replace(/\n/g, ', '),
  };
}

/** IssuerAndSerialNumber: the certificate's own issuer and serial bytes. */
function sidMatches(certDer: Buffer, sid: Buffer): boolean {
  const tbs = children(certDer, children(certDer, tlv(certDer, 0))[0]!);
  const i = tbs[0]?.tag === 0xa0 ? 1 : 0;
  const serial = tbs[i];
  const issuer = tbs[i + 2];
  if (!serial || !issuer) return false;
  const want = Buffer.concat([certDer.subarray(issuer.start, issuer.end), certDer.subarray(serial.start, serial.end)]);
  const sidTlv = tlv(sid, 0);
  return bytes(sid, sidTlv).equals(want);
}
