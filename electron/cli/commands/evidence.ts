// `fairsite evidence verify`: every stored photo file and signed report read
// back and checked against its hash; exit 1 when any is damaged or missing.
import { DATA } from '../args';
import { withCore } from '../io';
import type { Command } from './types';

export const evidenceVerify: Command = {
  words: ['evidence', 'verify'],
  summary: 'Check every stored photo and signed report against its hash; list damaged or missing files',
  options: { data: DATA },
  async run(args, io) {
    return withCore(args, io, async (call) => {
      const r = await call('evidence.verify', {});
      for (const p of r.problems) io.out(`${p.problem.toUpperCase().padEnd(8)} ${p.kind} ${p.id}  ${p.file}`);
      if (!r.problems.length) {
        io.out(`All ${r.checked} stored file(s) match their hashes.`);
        return 0;
      }
      io.err(`${r.problems.length} of ${r.checked} stored file(s) are damaged or missing. Restore them from a backup or from the camera; a bundle that needs one cannot be made until then.`);
      return 1;
    });
  },
};
