// writeBundle's failures through the zip writer: a stored file that cannot
// be read, one whose bytes are not its hash, or one whose size changed after
// it was counted fails the whole export with its own refusal, stops before
// any later entry is read, and leaves neither the bundle nor its .part.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBundle, type BundleSource, type ManifestHead } from '../../../electron/core/bundle/zip-writer';
import { AppError } from '../../../shared/errors';

const { privateKey } = generateKeyPairSync('ed25519');
const head = {
  bundleId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  createdAt: '2026-03-14T09:26:53.000Z',
  auditor: { id: 'a-1', name: 'A', publicKey: 'AAAA', fingerprint: '0'.repeat(64) },
  sequence: 1,
  baseBundleId: null,
  audits: [],
} as unknown as ManifestHead;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'writer-failures-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function attempt(name: string, sources: BundleSource[]): Promise<{ error: unknown; left: string[] }> {
  const out = join(dir, name, 'b.fsb');
  mkdirSync(join(dir, name));
  const error = await writeBundle({ out, head, sources, signingKey: privateKey }).then(() => null, (e: unknown) => e);
  return { error, left: readdirSync(join(dir, name)) };
}

describe('writeBundle failures', () => {
  it('a stored file that cannot be read refuses the export by name and reads no later file', async () => {
    const notAFile = join(dir, 'photo-is-a-folder');
    mkdirSync(notAFile);
    let laterMade = false;
    const { error, left } = await attempt('unreadable', [
      { path: 'audits/x.json', data: Buffer.from('{}') },
      { path: `photos/${'a'.repeat(64)}`, file: notAFile },
      { path: 'audits/y.json', make: () => ((laterMade = true), Buffer.from('{}')) },
    ]);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('storage');
    expect((error as Error).message).toContain(notAFile);
    expect((error as Error).message).toMatch(/could not be read.*EISDIR/);
    expect(laterMade).toBe(false);
    expect(left).toEqual([]);
  });

  it('a stored file whose bytes are not its hash refuses the export as damaged', async () => {
    const photo = join(dir, 'photo');
    writeFileSync(photo, Buffer.from('not the bytes the hash names'));
    const { error, left } = await attempt('damaged', [{ path: `photos/${'b'.repeat(64)}`, file: photo, expectSha256: 'b'.repeat(64) }]);
    expect((error as AppError).code).toBe('storage');
    expect((error as Error).message).toMatch(/damaged/);
    expect((error as Error).message).toContain(photo);
    expect(left).toEqual([]);
  });

  it('an audit document that cannot be made fails the export with its own error', async () => {
    const { error, left } = await attempt('make', [{ path: 'audits/z.json', make: () => { throw new Error('audit 7 cannot be read'); } }]);
    expect((error as Error).message).toBe('audit 7 cannot be read');
    expect(left).toEqual([]);
  });

  it('the whole export succeeds otherwise, ending with the manifest and its signature', async () => {
    const photo = join(dir, 'good-photo');
    writeFileSync(photo, Buffer.alloc(1000, 7));
    const out = join(dir, 'good.fsb');
    const written = await writeBundle({ out, head, sources: [{ path: 'audits/x.json', data: Buffer.from('{"a":1}') }, { path: `photos/${'c'.repeat(64)}`, file: photo }], signingKey: privateKey });
    expect(written.manifest.files.map((f) => [f.path, f.size])).toEqual([['audits/x.json', 7], [`photos/${'c'.repeat(64)}`, 1000]]);
    expect(readdirSync(dir).filter((n) => n.includes('.part'))).toEqual([]);
  });
});
