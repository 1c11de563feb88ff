import { withCore } from '../io';
import type { Command } from './types';

export const demo: Command = {
  words: ['demo'],
  usage: 'fairsite demo [--data DIR]',
  summary: 'Create a demo site with a finalized audit and one in progress',
  async run(args, io) {
    return withCore(args, io, async (call, core) => {
      const { auditIds } = await call('demo.create', {});
      io.out(`Demo ready in ${core.dataDir}: ${auditIds.length} audits (${auditIds.join(', ')})`);
      return 0;
    });
  },
};
