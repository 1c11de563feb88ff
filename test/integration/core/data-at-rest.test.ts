// Data at rest: the data folder is 0700 and every file in it 0600 (existing
// ones fixed on open); the command line refuses a weak passphrase for a new
// signing key; when safeStorage falls back to basic_text the app says so
// through keys.protection and offers a passphrase, which then seals the key.
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, testCore, seedAudit, type TestCore } from './helpers/core-fixture';
import { openCore, type Core } from '../../../electron/core/core';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import { saveProfileWithKey } from '../../../electron/core/profile-service';
import { loadSigningKey } from '../../../electron/core/keys/signing-key';
import { keyVault } from '../../../electron/core/keys/vault';
import { safeStorageBox, type SafeStorageLike } from '../../../electron/shell/secret-box';
import { setSetting } from '../../../electron/core/sync/settings';
import { main } from '../../../electron/cli/main';
import type { Io } from '../../../electron/cli/io';
import { makeJpeg, upload } from '../evidence/helpers';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Every path under dir with its permission bits (symbolic links left out). */
function modes(dir: string): Map<string, number> {
  const out = new Map<string, number>([[dir, lstatSync(dir).mode & 0o777]]);
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isSymbolicLink()) continue;
      out.set(p, lstatSync(p).mode & 0o777);
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

function expectPrivate(dir: string) {
  const bad = [...modes(dir)].filter(([, m]) => m & 0o077).map(([p, m]) => `${p} ${m.toString(8)}`);
  expect(bad).toEqual([]);
}

describe.skipIf(process.platform === 'win32')('file permissions', () => {
  it('makes the data folder 0700 and every file 0600: database, photos, report, bundle', async () => {
    const t: TestCore = await testCore(undefined, { assetsDir: join(process.cwd(), 'assets') });
    cleanups.push(() => t.cleanup());
    saveProfileWithKey(t.core, { name: 'Asha Rao', organisation: 'QA', email: 'a@example.org', auditorId: 'AUD-1' });
    const { audit } = await seedAudit(t);
    await upload(t, audit.id, await makeJpeg(320, 240));
    const { jobId } = await t.call('report.export', { auditId: audit.id, draft: true });
    expect((await t.core.jobs.wait(jobId)).state).toBe('done');
    const b = await t.call('bundle.export', { full: true });
    expect((await t.core.jobs.wait(b.jobId)).state).toBe('done');
    const all = modes(t.core.dataDir);
    expect(all.get(t.core.dataDir)).toBe(0o700);
    expect(all.get(t.core.paths.database)).toBe(0o600);
    expect([...all.keys()].some((p) => p.endsWith('.jpg'))).toBe(true);
    expect([...all.keys()].some((p) => p.endsWith('.pdf'))).toBe(true);
    expect([...all.keys()].some((p) => p.endsWith('.fsb'))).toBe(true);
    expectPrivate(t.core.dataDir);
  });

  it('fixes a data folder left readable by others when it is opened', async () => {
    const t: TestCore = await testCore();
    cleanups.push(() => t.cleanup());
    const { audit } = await seedAudit(t);
    await upload(t, audit.id, await makeJpeg(320, 240));
    setSetting(t.core, 'files.private', null);
    t.core.close();
    for (const [p] of modes(t.core.dataDir)) chmodSync(p, lstatSync(p).isDirectory() ? 0o755 : 0o644);
    const again = await openCore({ dataDir: t.core.dataDir, secretBox: t.core.secretBox, assetsDir: join(t.dir, 'none') });
    again.close();
    expectPrivate(t.core.dataDir);
  });
});

async function cli(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), env: env as NodeJS.ProcessEnv };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('a passphrase for a new signing key on the command line', () => {
  it.each(['a', 'Password1234!', '123456789012', 'abcabcabcabc', 'Fairsite2026!'])('refuses %j and makes no key', async (pass) => {
    const dir = tempDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const r = await cli({ FAIRSITE_PASSPHRASE: pass }, 'demo', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/This passphrase is too weak to protect the signing key: .*at least 12 characters/);
    expect(existsSync(join(dir, 'keys', 'signing-key.sealed'))).toBe(false);
  });

  it('takes a strong one', async () => {
    const dir = tempDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const r = await cli({ FAIRSITE_PASSPHRASE: 'tidal lantern orbit mango' }, 'demo', '--data', dir);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(dir, 'keys', 'signing-key.sealed'))).toBe(true);
  });
});

/** safeStorage on Linux with no keyring: "encrypts" with a fixed key (here: none at all). */
const basicText: SafeStorageLike = {
  isAsyncEncryptionAvailable: async () => true,
  encryptStringAsync: async (s) => Buffer.from(`v10${s}`, 'utf8'),
  decryptStringAsync: async (b) => ({ result: b.toString('utf8').slice(3), shouldReEncrypt: false }),
  getSelectedStorageBackend: () => 'basic_text',
};

async function appCore(dataDir: string): Promise<{ core: Core; call: (op: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> }> {
  const { box, warning } = await safeStorageBox(basicText, join(dataDir, 'keys'), 'linux');
  const vault = keyVault(box, warning !== null);
  const core = await openCore({ dataDir, secretBox: vault, keyVault: vault, assetsDir: join(dataDir, 'none') });
  const d = createDispatch(handlers, core);
  return { core, call: d as never };
}

describe('safeStorage falling back to basic_text', () => {
  it('says so in plain words and offers a passphrase, which then seals the key across a restart', async () => {
    const dir = tempDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const app = await appCore(join(dir, 'data'));
    const p0 = await app.call('keys.protection', {});
    expect(p0.value).toMatchObject({ method: 'basic_text', locked: false });
    expect((p0.value as { notice: string }).notice).toMatch(/No keyring .* was found .* Protect it with a passphrase/);
    expect((await app.call('profile.save', { name: 'Asha Rao', organisation: 'QA', email: 'a@example.org', auditorId: 'AUD-1' })).ok).toBe(true);
    const fingerprint = loadSigningKey(app.core).fingerprint;

    const weak = await app.call('keys.usePassphrase', { passphrase: 'short' });
    expect(weak.error?.code).toBe('invalid_input');
    expect(weak.error?.message).toMatch(/too weak/);
    const strong = await app.call('keys.usePassphrase', { passphrase: 'tidal lantern orbit mango' });
    expect(strong.value).toEqual({ method: 'passphrase', locked: false, notice: null });
    const sealed = readFileSync(join(dir, 'data', 'keys', 'signing-key.sealed'));
    expect(sealed.subarray(0, 4).toString()).toBe('FSB1');
    expect(sealed.includes(Buffer.from('v10'))).toBe(false);
    expect(loadSigningKey(app.core).fingerprint).toBe(fingerprint);
    app.core.close();

    // After a restart: locked until the passphrase is entered.
    const again = await appCore(join(dir, 'data'));
    cleanups.push(() => again.core.close());
    expect((await again.call('keys.protection', {})).value).toEqual({ method: 'passphrase', locked: true, notice: null });
    expect(() => loadSigningKey(again.core)).toThrow(/protected by a passphrase: enter it in Settings/);
    expect((await again.call('keys.unlock', { passphrase: 'tidal lantern orbit mangos' })).error?.code).toBe('rejected');
    expect((await again.call('keys.unlock', { passphrase: 'tidal lantern orbit mango' })).value).toMatchObject({ locked: false });
    expect(loadSigningKey(again.core).fingerprint).toBe(fingerprint);
  });
});
