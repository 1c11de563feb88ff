// The enrolment code: what an auditor's laptop hands to headquarters so HQ
// can enrol her signing key. Plain text, so it can be copied, mailed or
// saved as a file; HQ reads it back by paste, file or drop.
export interface Enrolment {
  name: string;
  auditorId: string;
  fingerprint: string;
  publicKeyPem: string;
}

const HEAD = 'Fairsite enrolment code';

export function enrolmentCode(e: Enrolment): string {
  return [HEAD, `Name: ${e.name}`, `Auditor ID: ${e.auditorId}`, `Fingerprint: ${e.fingerprint}`, e.publicKeyPem.trim(), ''].join('\n');
}

/** What a pasted or dropped text holds: the key (required) and, from a full code, the name and auditor ID. */
export function parseEnrolmentCode(text: string): { publicKey: string; name: string; auditorId: string } | null {
  const pem = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/.exec(text)?.[0];
  if (!pem) return null;
  const field = (label: string) => new RegExp(`^${label}:[ \\t]*(.+)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  return { publicKey: pem, name: field('Name'), auditorId: field('Auditor ID') };
}
