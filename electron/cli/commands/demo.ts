import { hasSigningKey } from '../../core/keys/signing-key';
import { dataPaths } from '../../core/paths';
import { DATA } from '../args';
import { dataDirOf, withCore } from '../io';
import { passphraseIo } from '../passphrase';
import type { Command } from './types';

export const demo: Command = {
  words: ['demo'],
  summary: 'Create a demo site with a finalized audit, its finalized follow-up and one audit in progress (and, with a passphrase, the demo auditor\'s profile and key)',
  options: { data: DATA },
  async run(args, io) {
    const keyMade = hasSigningKey(dataPaths(dataDirOf(args, io)).keys);
    // The demo makes the auditor's signing key when there is none: it is sealed with this passphrase.
    const withPass = keyMade ? io : await passphraseIo(io, 'Passphrase to seal the demo auditor\'s new signing key: ');
    return withCore(args, withPass ?? io, async (call, core) => {
      if (withPass?.env.FAIRSITE_PASSPHRASE && !keyMade) core.secretBox.checkNewSecret?.();
      const { auditIds } = await call('demo.create', {});
      io.out(`Demo ready in ${core.dataDir}: ${auditIds.length} audits (${auditIds.join(', ')})`);
      const profile = await call('profile.get', {});
      if (profile) io.out(`Auditor: ${profile.name} (${profile.auditorId}), signing key ${profile.keyFingerprint.slice(0, 16)}…`);
      else {
        io.err('No auditor profile and no signing key were made: the key is sealed with a passphrase, and none was given (FAIRSITE_PASSPHRASE is not set and this is not a terminal).');
        io.err(`Signed reports and bundles need them. Make them with: FAIRSITE_PASSPHRASE=… fairsite profile set --data ${core.dataDir} --name NAME --organisation ORG --email EMAIL --auditor-id ID`);
      }
      return 0;
    });
  },
};
