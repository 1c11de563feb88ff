// `fairsite hq rotate-config-key` on real folders: it rotates HQ's
// configuration key with the same core as HQ settings' button, so a laptop
// that trusted the old key imports the next package (published by the CLI)
// on the old key's endorsement; with --db (HQ's rows on PostgreSQL) it does
// the same, the key being in HQ's folder either way. A missing folder, a
// folder that never published, and a wrong passphrase are refused and change
// nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../electron/cli/main';
import type { Io } from '../../../electron/cli/io';
import { makeLaptop } from '../bundle/laptop';
import { snapshot } from '../bundle/hq';

let root: string;
let laptopDir: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fs-rotcli-'));
  const l = await makeLaptop('Asha Rao', 'AUD-001', root);
  laptopDir = l.dir;
  l.core.close();
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(argv: string[], passphrase = 'hq-test-passphrase'): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env: { FAIRSITE_PASSPHRASE: passphrase } };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const FP = /[0-9a-f]{4}(?: [0-9a-f]{4}){15}/;

describe('fairsite hq rotate-config-key', () => {
  const hqDir = () => join(root, 'hq');
  const publish = async (n: number) => {
    const file = join(root, `p${n}.fshq`);
    const p = await run(['hq', 'publish-config', '--data', hqDir(), '--upload', 'https://hq.example.org/dav/inbox', '--organisation', 'Acme', '--out', file]);
    expect(p.code, p.err).toBe(0);
    return { file, fingerprint: p.out.match(FP)![0] };
  };
  const laptopImports = (file: string) => run(['config', 'import', '--data', laptopDir, file], 'laptop-test-passphrase');

  test('rotates the key laptops then take on the old key\'s endorsement, with or without --db', async () => {
    const first = await publish(1);
    const imported = await laptopImports(first.file);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain(`signed by ${first.fingerprint}`);

    const r = await run(['hq', 'rotate-config-key', '--data', hqDir()]);
    expect(r.code, r.err).toBe(0);
    const [next, previous] = [r.out.match(new RegExp(`New configuration key (${FP.source})`))![1]!, r.out.match(new RegExp(`Previous key (${FP.source})`))![1]!];
    expect(previous).toBe(first.fingerprint);
    expect(next).not.toBe(first.fingerprint);
    const second = await publish(2);
    expect(second.fingerprint).toBe(next);
    const took = await laptopImports(second.file);
    expect(took.code, took.err).toBe(0);
    expect(took.out).toContain(`signed by ${next}`);

    // HQ's rows on PostgreSQL: the key is still in the folder; no database is opened for it.
    const viaDb = await run(['hq', 'rotate-config-key', '--data', hqDir(), '--db', 'postgres://hq@127.0.0.1:1/hq']);
    expect(viaDb.code, viaDb.err).toBe(0);
    expect(viaDb.out).toContain(`Previous key ${next}`);
    const third = await publish(3);
    expect(third.fingerprint).not.toBe(next);
    const again = await laptopImports(third.file);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain(`signed by ${third.fingerprint}`);
  }, 60_000);

  test('a missing folder, one that never published, and a wrong passphrase are refused and change nothing', async () => {
    const missing = await run(['hq', 'rotate-config-key', '--data', join(root, 'no-such-hq')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/There is no HQ folder at .*no-such-hq; give HQ's folder with --data\. Nothing was changed\./);
    expect(existsSync(join(root, 'no-such-hq'))).toBe(false);

    const empty = join(root, 'empty-hq');
    mkdirSync(empty);
    const never = await run(['hq', 'rotate-config-key', '--data', empty]);
    expect(never.code).toBe(1);
    expect(never.err).toMatch(/has no configuration key yet; its first package makes one \(fairsite hq publish-config\)\. Nothing was changed\./);
    expect(readdirSync(empty)).toEqual([]);

    const before = snapshot(join(hqDir(), 'keys'));
    const wrong = await run(['hq', 'rotate-config-key', '--data', hqDir()], 'not-the-passphrase');
    expect(wrong.code).toBe(1);
    expect(snapshot(join(hqDir(), 'keys'))).toEqual(before);
  });
});
