// SIGKILL while saving: after every kill, each acknowledged answer is
// present, the hash chains verify and integrity_check is ok.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAfterCrash, crashRound, setupCrash, type CrashSetup } from './helpers/crash-harness';

const child = fileURLToPath(new URL('./helpers/crash-child.ts', import.meta.url));
const command = [process.execPath, '--import', 'tsx', child];
let setup: CrashSetup;
beforeAll(async () => { setup = await setupCrash(); });
afterAll(() => rmSync(setup.dir, { recursive: true, force: true }));

describe('crash safety', { timeout: 180_000 }, () => {
  it('keeps every acknowledged answer through 6 SIGKILLs', async () => {
    const acked = new Map<string, number>();
    let total = 0;
    for (let round = 1; round <= 6; round++) {
      const r = await crashRound(setup, command, round * 1_000_000, acked, round === 1 ? () => 0.5 : Math.random);
      total += r.acks;
      expect(checkAfterCrash(setup, acked), `after kill ${round} (${r.phase}, ${r.killedAfterMs} ms)`).toEqual([]);
    }
    expect(total).toBeGreaterThan(0);
    expect(acked.size).toBeGreaterThan(0);
  });
});
