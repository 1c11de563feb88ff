// What HQ reads before it trusts anything: only regular files (a link to
// /dev/zero or a FIFO in an import folder is refused at once), the signer
// checked before any content is extracted, encrypted junk stopped at its
// first bytes, and no decrypted plaintext left in staging after a kill.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { addPhotos, makeLaptop, type Laptop } from './laptop';
import { enrolLaptop, makeHq, snapshot } from './hq';
import { main } from '../../../electron/cli/main';
import type { Io } from '../../../electron/cli/io';
import { exportBundle } from '../../../electron/core/bundle/export';
import { verifyBundle } from '../../../electron/core/bundle/verify';
import { encryptStream } from '../../../electron/core/bundle/age';
import { importBundleFile } from '../../../electron/core/hq/import';
import { initHqKey } from '../../../electron/core/hq/keys';
import { openHq, type Hq } from '../../../electron/core/hq/context';
import { passphraseBox } from '../../../electron/core/keys/secret-box';

let root: string;
let laptop: Laptop;
let hq: Hq;
let bundle: string;
let recipient: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-hqfiles-'));
  laptop = await makeLaptop('Asha Rao', 'AUD-001', root);
  hq = await makeHq(root);
  recipient = (await initHqKey(hq)).recipient;
  bundle = join(root, 'real.fsb');
  await exportBundle(laptop.core, { out: bundle, recipient: null });
}, 60_000);
afterAll(() => {
  hq.close();
  laptop.core.close();
  rmSync(root, { recursive: true, force: true });
});

/** Age ciphertext to HQ's key of `plain` (the bytes anyone with HQ's public key can make). */
async function encryptTo(file: string, plain: Iterable<Buffer>): Promise<void> {
  await pipeline(await encryptStream(Readable.from(plain), recipient), createWriteStream(file));
}
function* chunks(first: Buffer, total: number): Generator<Buffer> {
  yield first;
  for (let n = first.length; n < total; n += 1 << 20) yield randomBytes(1 << 20);
}

describe('only regular files are imported', () => {
  test('a link to /dev/zero and a FIFO in an import folder are refused at once; the regular bundle beside them is imported', async () => {
    const dir = mkdtempSync(join(root, 'usb-'));
    symlinkSync('/dev/zero', join(dir, 'a-zero.fsb'));
    execFileSync('mkfifo', [join(dir, 'b-pipe.fsb')]);
    symlinkSync(bundle, join(dir, 'c-link.fsb'));
    copyFileSync(bundle, join(dir, 'd-real.fsb'));
    const fresh = await makeHq(root);
    enrolLaptop(fresh, laptop.core);
    fresh.close();
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), env: { FAIRSITE_PASSPHRASE: 'hq-test-passphrase' } as NodeJS.ProcessEnv };
    const started = Date.now();
    const code = await main(['hq', 'import', '--data', fresh.paths.dir, dir], io);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(code).toBe(1);
    const text = err.join('\n');
    expect(text).toMatch(/a-zero\.fsb is a symbolic link; headquarters imports only regular bundle files/);
    expect(text).toMatch(/b-pipe\.fsb is a named pipe \(FIFO\)/);
    expect(text).toMatch(/c-link\.fsb is a symbolic link/);
    expect(out.join('\n')).toMatch(/1 imported, 0 already imported, 0 held, 3 rejected/);
  }, 20_000);
});

test('the size cap holds while reading: a regular file that says 0 bytes but holds more is stopped at the cap', async () => {
  // Files in /proc are regular files of size 0 that read as text: the size on disk is not to be trusted.
  expect(statSync('/proc/self/status').size).toBe(0);
  const r = await importBundleFile(hq, '/proc/self/status', { limits: { maxBundleBytes: 200 } });
  expect(r).toMatchObject({ status: 'rejected', reason: 'too_large' });
  expect(r.message).toMatch(/more than 200 bytes/);
});

describe('expensive work only for an enrolled signer', () => {
  test('an unenrolled signer is refused before any content is extracted', async () => {
    const big = await makeLaptop('Stranger', 'AUD-X', root);
    await addPhotos(big.core, big.auditIds[0]!, 6, 1200, 900);
    const file = join(root, 'stranger.fsb');
    await exportBundle(big.core, { out: file, recipient: null });
    big.core.close();
    const staging = mkdtempSync(join(root, 'stage-'));
    await expect(verifyBundle(file, { staging, extract: true, enrolment: () => null, requireEnrolled: true })).rejects.toMatchObject({ reason: 'unknown_signer' });
    expect(readdirSync(staging)).toEqual([]);
    const before = snapshot(hq.paths.dir);
    const r = await importBundleFile(hq, file);
    expect(r).toMatchObject({ status: 'rejected', reason: 'unknown_signer' });
    expect(r.message).toMatch(/not enrolled.*claims to be Stranger \(AUD-X\)/);
    expect(snapshot(hq.paths.dir)).toEqual(before);
  }, 60_000);

  test('junk encrypted to HQ is refused at its first bytes, not decrypted whole into staging', async () => {
    const file = join(root, 'junk.fsb');
    await encryptTo(file, chunks(randomBytes(1 << 20), 24 << 20));
    const staging = mkdtempSync(join(root, 'stage-'));
    await expect(verifyBundle(file, { staging, extract: true, identities: [await loadIdentity()] })).rejects.toMatchObject({ reason: 'not_a_bundle' });
    const written = existsSync(join(staging, 'bundle.zip')) ? statSync(join(staging, 'bundle.zip')).size : 0;
    expect(written).toBeLessThan(1 << 20);
    const r = await importBundleFile(hq, file);
    expect(r).toMatchObject({ status: 'rejected', reason: 'not_a_bundle' });
  }, 30_000);

  test('a zip whose first entry is not a bundle file is refused at its first header', async () => {
    const file = join(root, 'zipjunk.fsb');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(9, 26);
    await encryptTo(file, chunks(Buffer.concat([header, Buffer.from('evil.html')]), 8 << 20));
    const r = await importBundleFile(hq, file);
    expect(r).toMatchObject({ status: 'rejected', reason: 'unlisted_file' });
  }, 30_000);
});

const loadIdentity = async () => (await import('../../../electron/core/hq/keys')).loadHqIdentity(hq);

describe('staging after a kill', () => {
  test('a SIGKILL while a bundle is decrypted leaves plaintext in staging; opening HQ removes it', async () => {
    const dir = hq.paths.dir;
    // A plausible start (a bundle's first header) then 160 MiB: decrypting it takes long enough to be killed.
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(0x800, 6);
    const name = Buffer.from(`audits/${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}.json`);
    header.writeUInt16LE(name.length, 26);
    const file = join(root, 'long.fsb');
    await encryptTo(file, chunks(Buffer.concat([header, name]), 160 << 20));
    hq.close();
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./helpers/import-child.ts', import.meta.url)), dir, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const plain = () => readdirSync(join(dir, 'staging')).flatMap((d) => readdirSync(join(dir, 'staging', d)).map((f) => join(dir, 'staging', d, f)));
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const files = existsSync(join(dir, 'staging')) ? plain() : [];
        if (files.some((f) => statSync(f).size > 4 << 20)) break;
        if (Date.now() > deadline || child.exitCode !== null) throw new Error('the import never got to decrypting');
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((r) => child.once('exit', r));
    expect(plain().length).toBeGreaterThan(0);
    hq = await openHq(dir, passphraseBox('hq-test-passphrase'));
    expect(readdirSync(hq.paths.staging)).toEqual([]);
  }, 120_000);
});

test('a staging folder of a live importer is left alone', async () => {
  const live = join(hq.paths.staging, `import-${process.pid}-keep`);
  mkdirSync(live, { recursive: true });
  writeFileSync(join(live, 'bundle.zip'), 'x');
  const again = await openHq(hq.paths.dir, passphraseBox('hq-test-passphrase'));
  expect(readdirSync(again.paths.staging)).toEqual([`import-${process.pid}-keep`]);
  again.close();
  rmSync(live, { recursive: true });
});
