import { hasSigningKey } from '../../core/keys/signing-key';
import { withCore } from '../io';
import type { Command } from './types';

export const demo: Command = {
  words: ['demo'],
  usage: 'fairsite demo [--data DIR]',
  summary: 'Create a demo site with a finalized audit and one in progress',
  async run(args, io) {
    return withCore(args, io, async (call, core) => {
      // The demo makes the auditor's signing key when there is none: refuse a weak passphrase first.
      if (io.env.FAIRSITE_PASSPHRASE && !hasSigningKey(core.paths.keys)) core.secretBox.checkNewSecret?.();
      const { auditIds } = await call('demo.create', {});
      io.out(`Demo ready in ${core.dataDir}: ${auditIds.length} audits (${auditIds.join(', ')})`);
      return 0;
    });
  },
};
