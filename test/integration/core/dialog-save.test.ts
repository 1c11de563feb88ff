// dialog.save without a desktop (harness, command line): the bytes to
// download, for a text, a missing report or bundle refused by name; the
// enrolment code round-trips through the parser HQ's form uses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnrolmentCode } from '../../../shared/enrolment';
import { rejection, seedAudit, testCore, type TestCore } from './helpers/core-fixture';

let t: TestCore;
beforeEach(async () => {
  t = await testCore();
  await seedAudit(t, { sections: 1, itemsPerSection: 1 });
});
afterEach(() => t.cleanup());

describe('dialog.save in the harness', () => {
  it('answers a text with its bytes to download', async () => {
    const r = await t.call('dialog.save', { source: { kind: 'text', fileName: 'code.txt', text: 'héllo' } });
    expect(r).toEqual({ outcome: 'download', fileName: 'code.txt', mimeType: 'text/plain', base64: Buffer.from('héllo').toString('base64') });
  });

  it('refuses a report or bundle that is not there, and a file name with a folder', async () => {
    expect((await rejection(t.call('dialog.save', { source: { kind: 'report', name: 'nope.pdf' } }))).code).toBe('not_found');
    expect((await rejection(t.call('dialog.save', { source: { kind: 'bundle', bundleId: '0193a0f0-0000-7000-8000-000000000001' } }))).message).toBe('That bundle file is no longer in the outbox. Make the bundle again.');
    const bad = await t.dispatch('dialog.save', { source: { kind: 'text', fileName: '../etc/passwd', text: '' } });
    expect(bad.ok).toBe(false);
  });
});

describe('the enrolment code', () => {
  it('holds name, auditor ID and key, and reads back whole', async () => {
    await t.call('profile.save', { name: 'Ana Reyes', organisation: 'Fair Labour Assurance', email: 'ana@example.org', auditorId: 'AUD-0042' });
    const { code, fileName } = await t.call('profile.enrolmentCode', {});
    const profile = (await t.call('profile.get', {}))!;
    expect(fileName).toBe(`fairsite-enrolment-${profile.auditorId}.txt`);
    const parsed = parseEnrolmentCode(code)!;
    expect(parsed).toMatchObject({ name: profile.name, auditorId: profile.auditorId });
    expect(parsed.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----$/);
    expect(parseEnrolmentCode('no key here')).toBeNull();
    expect(parseEnrolmentCode(parsed.publicKey)).toEqual({ publicKey: parsed.publicKey, name: '', auditorId: '' });
  });
});
