// A report signing identity can only be made with the auditor's key: after
// the sealed identity is deleted, a wrong passphrase signs nothing. The
// certificate it makes is vouched for by the signing key, inside the PDF,
// so headquarters knows whose it is; pdfsig still finds the signature valid.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfsig, tempDir } from './tools';
import { verifySignedReport } from '../../../electron/core/report/sign/verify-pdf';
import { parsePublicKey } from '../../../electron/core/hq/enrol';
import { fingerprintOf } from '../../../electron/core/bundle/signature';

const BIN = join(process.cwd(), 'electron/cli/bin.mjs');
function fairsite(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, FAIRSITE_PASSPHRASE: '', ...env }, input: '' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the report signing identity needs the auditor key', () => {
  const dir = tempDir();
  const data = join(dir, 'data');
  const pass = { FAIRSITE_PASSPHRASE: 'the right pass phrase' };
  let finalized = '';

  beforeAll(() => {
    expect(fairsite(['demo', '--data', data], pass).code).toBe(0);
    const audits = JSON.parse(fairsite(['audits', 'list', '--data', data, '--json']).out) as Array<{ id: string; status: string }>;
    finalized = audits.find((a) => a.status === 'finalized')!.id;
  }, 120_000);

  it('with the sealed identity deleted, a wrong passphrase makes no signed report', () => {
    rmSync(join(data, 'keys', 'report-identity.sealed'), { force: true });
    rmSync(join(data, 'keys', 'report-certificate.pem'), { force: true });
    const out = join(dir, 'forged.pdf');
    const r = fairsite(['report', '--data', data, '--audit', finalized, '--out', out], { FAIRSITE_PASSPHRASE: 'any other phrase' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot be unlocked: wrong passphrase/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(data, 'keys', 'report-identity.sealed'))).toBe(false);
  }, 60_000);

  it('with the right passphrase the new certificate is vouched for by the signing key, and pdfsig finds it valid', () => {
    const out = join(dir, 'signed.pdf');
    const r = fairsite(['report', '--data', data, '--audit', finalized, '--out', out], pass);
    expect(r.code, r.err).toBe(0);
    const sig = pdfsig(out);
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    const facts = verifySignedReport(readFileSync(out));
    const key = parsePublicKey(readFileSync(join(data, 'keys', 'signing-key.pub'), 'utf8'));
    expect(facts.endorsedBy).toBe(fingerprintOf(key));
    expect(facts.auditId).toBe(finalized);
    expect(facts.contentHash).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);
});
