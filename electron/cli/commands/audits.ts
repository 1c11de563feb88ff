import { DATA, JSON_OUT } from '../args';
import { withCore } from '../io';
import type { Command } from './types';

export const auditsList: Command = {
  words: ['audits', 'list'],
  summary: 'List audits, newest first',
  options: { data: DATA, json: JSON_OUT },
  async run(args, io) {
    return withCore(args, io, async (call) => {
      const audits = await call('audits.list', {});
      if (args.flags.has('json')) {
        io.out(JSON.stringify(audits, null, 2));
        return 0;
      }
      if (!audits.length) io.out('No audits yet. Try: fairsite demo');
      for (const a of audits) {
        io.out(`${a.startDate}  ${a.status.padEnd(11)} r${a.revision}  ${a.answered}/${a.total} answered  ${a.findings} findings  ${a.siteName}  ${a.id}`);
      }
      return 0;
    });
  },
};
