// The poppler and qpdf command-line tools, run on real files. pdfsig exits
// 0 whatever it finds, so callers read its output.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

export function run(cmd: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

export function tempDir(prefix = 'fairsite-report-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeTemp(dir: string, name: string, data: Buffer | string): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

export const pdfsig = (file: string, nssdir?: string) => run('pdfsig', nssdir ? ['-nssdir', `sql:${nssdir}`, file] : [file]).out;

/** Text of each page (pdftotext separates pages with form feeds). */
export function pagesText(file: string): string[] {
  const { out } = run('pdftotext', ['-layout', file, '-']);
  return out.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim());
}

export interface TestCa {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ format: 'pem', type: 'spki' }).toString()),
  };
}

export function makeCa(cn = 'Fair Audit Partners Test CA'): TestCa {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
  const attrs = [{ name: 'commonName', value: cn }, { name: 'organizationName', value: 'Fair Audit Partners' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert, key: keys.privateKey };
}

/** A .p12 made by openssl, as an organisation would hand it out. */
export function issueP12(dir: string, ca: TestCa, opts: { password: string; notBefore?: Date; notAfter?: Date; withKey?: boolean; name?: string }): Buffer {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = forge.util.bytesToHex(forge.random.getBytesSync(8)).replace(/^[89a-f]/, '1');
  cert.validity.notBefore = opts.notBefore ?? new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = opts.notAfter ?? new Date(Date.now() + 365 * 86_400_000);
  cert.setSubject([{ name: 'commonName', value: opts.name ?? 'Ana Reyes' }, { name: 'organizationName', value: 'Fair Audit Partners' }, { name: 'emailAddress', value: 'ana@example.org' }]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.cert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  const certFile = writeTemp(dir, 'leaf.pem', forge.pki.certificateToPem(cert));
  const keyFile = writeTemp(dir, 'leaf.key', forge.pki.privateKeyToPem(keys.privateKey));
  const caFile = writeTemp(dir, 'ca.pem', forge.pki.certificateToPem(ca.cert));
  const out = join(dir, 'auditor.p12');
  const args = ['pkcs12', '-export', '-in', certFile, '-certfile', caFile, '-out', out, '-passout', `pass:${opts.password}`];
  if (opts.withKey === false) args.push('-nokeys');
  else args.push('-inkey', keyFile);
  const r = run('openssl', args);
  if (r.code !== 0) throw new Error(r.out);
  return readFileSync(out);
}

/** An NSS database that trusts `ca` for signing, for pdfsig -nssdir. */
export function nssTrusting(dir: string, ca: TestCa): string {
  const db = join(dir, 'nss');
  mkdirSync(db, { recursive: true });
  const init = run('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
  if (init.code !== 0) throw new Error(init.out);
  const caFile = writeTemp(dir, 'trusted-ca.pem', forge.pki.certificateToPem(ca.cert));
  const add = run('certutil', ['-A', '-d', `sql:${db}`, '-n', 'Fair Audit Partners Test CA', '-t', 'CT,C,C', '-a', '-i', caFile]);
  if (add.code !== 0) throw new Error(add.out);
  return db;
}
