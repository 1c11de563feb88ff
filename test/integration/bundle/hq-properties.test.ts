// Property tests on a real set of bundles (a full one, two incrementals, a
// diverging copy, a second auditor): any arrival order, with any repeats,
// ends in the same HQ state as importing each once in order.
import { afterAll, beforeAll, expect, test } from 'vitest';
import fc from 'fast-check';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changeOneAnswer, makeLaptop, type Laptop } from './laptop';
import { enrolLaptop, hqState, makeHq } from './hq';
import { exportBundle } from '../../../electron/core/bundle/export';
import { importBundleFile } from '../../../electron/core/hq/import';
import { markAcked } from '../../../electron/core/sync/outbox-store';
import { openCore, type Core } from '../../../electron/core/core';
import { passphraseBox } from '../../../electron/core/keys/secret-box';

let root: string;
let a: Laptop;
let b: Laptop;
let twin: Core;
const files: string[] = [];
let reference: unknown;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-prop-'));
  a = await makeLaptop('Asha Rao', 'AUD-001', root);
  b = await makeLaptop('Ben Okafor', 'AUD-002', root);
  const out = (n: string) => join(root, `${n}.fsb`);
  const b1 = await exportBundle(a.core, { out: out('a1') });
  markAcked(a.core.db, b1.bundleId);
  a.core.db.pragma('wal_checkpoint(TRUNCATE)');
  cpSync(a.dir, join(root, 'twin'), { recursive: true });
  twin = await openCore({ dataDir: join(root, 'twin'), secretBox: passphraseBox('laptop-test-passphrase') });
  changeOneAnswer(a.core, 'second answer');
  const b2 = await exportBundle(a.core, { out: out('a2') });
  markAcked(a.core.db, b2.bundleId);
  changeOneAnswer(a.core, 'third answer');
  await exportBundle(a.core, { out: out('a3') });
  changeOneAnswer(twin, 'the copy went another way');
  await exportBundle(twin, { out: out('twin') });
  await exportBundle(b.core, { out: out('b1') });
  files.push(out('a1'), out('a2'), out('a3'), out('twin'), out('b1'));

  const hq = await makeHq(root);
  enrolLaptop(hq, a.core);
  enrolLaptop(hq, b.core);
  for (const f of files) expect((await importBundleFile(hq, f)).status).toBe('imported');
  reference = hqState(hq);
  hq.close();
}, 120_000);

afterAll(() => {
  twin.close();
  a.core.close();
  b.core.close();
  rmSync(root, { recursive: true, force: true });
});

test('the reference state has a conflict flagged and nothing held', () => {
  const st = reference as { audits: Array<{ conflict: number }>; bundles: Array<{ state: string }> };
  expect(st.audits.filter((x) => x.conflict === 1)).toHaveLength(1);
  expect(st.bundles.every((x) => x.state === 'imported')).toBe(true);
  expect(st.bundles).toHaveLength(5);
});

test('importing twice equals importing once, in any order', async () => {
  const order = fc.shuffledSubarray(files.map((_, i) => i), { minLength: files.length, maxLength: files.length });
  const repeats = fc.array(fc.nat({ max: files.length - 1 }), { maxLength: 4 });
  await fc.assert(
    fc.asyncProperty(order, repeats, fc.nat(), async (perm, again, at) => {
      const seq = [...perm];
      for (const r of again) seq.splice(at % (seq.length + 1), 0, r);
      const hq = await makeHq(root);
      try {
        enrolLaptop(hq, b.core);
        enrolLaptop(hq, a.core);
        for (const i of seq) {
          const r = await importBundleFile(hq, files[i]!);
          expect(['imported', 'already_imported', 'held']).toContain(r.status);
        }
        expect(hqState(hq)).toEqual(reference);
      } finally {
        hq.close();
        rmSync(hq.paths.dir, { recursive: true, force: true });
      }
    }),
    { numRuns: 25 },
  );
}, 240_000);
