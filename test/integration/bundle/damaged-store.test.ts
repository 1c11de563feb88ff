// One damaged stored photo must not take the process down on bundle export:
// the job fails naming the damaged file, no partial bundle (.part) is left,
// the process keeps answering, and `verify evidence` (contract and CLI) lists
// what is damaged or missing.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addPhotos, editableAuditId, makeLaptop, type Laptop } from './laptop';
import { exportBundle, photoFile } from '../../../electron/core/bundle/export';
import { newAgeIdentity } from '../../../electron/core/bundle/age';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { handlers } from '../../../electron/handlers/index';
import { main } from '../../../electron/cli/main';
import type { Io } from '../../../electron/cli/io';

let laptop: Laptop;
let shas: string[];
beforeAll(async () => {
  laptop = await makeLaptop();
  shas = await addPhotos(laptop.core, editableAuditId(laptop.core), 3);
}, 60_000);
afterAll(() => laptop.core.close());

const dispatch = () => createDispatch(handlers, laptop.core);
const partFiles = (dir: string) => readdirSync(dir).filter((n) => n.includes('.part'));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), env: { FAIRSITE_PASSPHRASE: 'laptop-test-passphrase' } as NodeJS.ProcessEnv };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('a flipped byte in a stored photo fails the export job by name, leaves no .part, and the process stays up', async () => {
  const d = dispatch();
  const ok = await d('evidence.verify', {});
  expect(ok.ok && ok.value).toMatchObject({ problems: [] });

  const damaged = photoFile(laptop.core, shas[1]!)!;
  const bytes = readFileSync(damaged);
  bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
  writeFileSync(damaged, bytes);

  const started = await d('bundle.export', { full: true });
  if (!started.ok) throw new Error(started.error.message);
  const job = await laptop.core.jobs.wait((started.value as { jobId: string }).jobId);
  expect(job.state).toBe('failed');
  expect(job.error?.code).toBe('storage');
  expect(job.error?.message).toContain(damaged);
  expect(job.error?.message).toMatch(/damaged/);
  expect(partFiles(laptop.core.paths.bundles)).toEqual([]);
  expect(readdirSync(laptop.core.paths.bundles).filter((n) => n.endsWith('.fsb'))).toEqual([]);

  // Still answering, and the check names the damaged file (and a missing one).
  const gone = photoFile(laptop.core, shas[2]!)!;
  renameSync(gone, `${gone}.moved`);
  const v = await d('evidence.verify', {});
  if (!v.ok) throw new Error(v.error.message);
  expect(v.value).toMatchObject({ checked: 3 });
  expect((v.value as { problems: unknown[] }).problems).toEqual([
    { kind: 'photo', id: shas[1], file: damaged, problem: 'damaged' },
    { kind: 'photo', id: shas[2], file: gone, problem: 'missing' },
  ].sort((a, b) => a.id!.localeCompare(b.id!)));
  renameSync(`${gone}.moved`, gone);
});

test('the command line: export exits 1 naming the file with no .part left; `evidence verify` lists it', async () => {
  const out = join(laptop.dir, 'cli.fsb');
  const exp = await cli('bundle', 'export', '--data', laptop.dir, '--all', '--out', out);
  expect(exp.code).toBe(1);
  expect(exp.err).toContain(shas[1]!);
  expect(partFiles(laptop.dir)).toEqual([]);
  const v = await cli('evidence', 'verify', '--data', laptop.dir);
  expect(v.code).toBe(1);
  expect(v.out).toMatch(new RegExp(`DAMAGED +photo ${shas[1]}`));
  expect(v.out).not.toContain(shas[0]!);
});

test('the same through age encryption (a bundle for HQ): a clean failure, no .part', async () => {
  const { recipient } = await newAgeIdentity();
  const out = join(laptop.dir, 'enc.fsb');
  const e = await exportBundle(laptop.core, { full: true, recipient, out }).then(() => null, (x: unknown) => x as Error);
  expect(e?.message).toContain(photoFile(laptop.core, shas[1]!)!);
  expect(partFiles(laptop.dir)).toEqual([]);
});
