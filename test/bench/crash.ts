// At least 200 SIGKILLs of a process saving answers; after each one every
// acknowledged answer must be present, the hash chains must verify and
// integrity_check must be ok.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { checkAfterCrash, crashRound, setupCrash } from '../integration/core/helpers/crash-harness';
import { figure, type Bench } from './types';

const ROUNDS = Number(process.env.BENCH_CRASH_ROUNDS ?? 200);
const root = fileURLToPath(new URL('../../', import.meta.url));

/** The child as one ES module, so each of the many starts costs a plain `node` start. */
async function bundleChild(): Promise<string> {
  const outDir = join(root, '.cache', 'bench');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'crash-child.mjs');
  await build({
    entryPoints: [join(root, 'test/integration/core/helpers/crash-child.ts')],
    outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error',
  });
  return outfile;
}

export const crash: Bench = {
  name: 'crash',
  async run() {
    const child = await bundleChild();
    const setup = await setupCrash();
    const acked = new Map<string, number>();
    let acks = 0;
    let early = 0;
    const failures: string[] = [];
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const r = await crashRound(setup, [process.execPath, child], round * 1_000_000, acked);
        acks += r.acks;
        if (r.phase === 'starting') early++;
        const problems = checkAfterCrash(setup, acked);
        if (problems.length) failures.push(`round ${round} (${r.phase}, killed after ${r.killedAfterMs} ms): ${problems.slice(0, 3).join('; ')}`);
      }
    } finally {
      rmSync(setup.dir, { recursive: true, force: true });
    }
    return {
      ok: failures.length === 0 && ROUNDS >= 200,
      figures: [
        figure(`rounds lost or damaged after SIGKILL (of ${ROUNDS})`, failures.length, '', { atMost: 0 }, 'none'),
        figure('SIGKILL rounds', ROUNDS, '', { atLeast: 200 }, '200'),
      ],
      lines: [
        `${ROUNDS} SIGKILLs (${early} while starting or opening the database, ${ROUNDS - early} while saving); ${acks} acknowledged saves in all`,
        `after every kill: acknowledged answers present, event chains verify, integrity_check ok: ${failures.length === 0 ? 'yes' : `NO, ${failures.length} rounds failed`}`,
        ...failures.slice(0, 10),
      ],
    };
  },
};
