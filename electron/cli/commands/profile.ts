// `fairsite profile show|set`: the auditor's profile, which the app asks for
// at first run. Its first save makes the signing key, sealed with the
// passphrase; reports and bundles are signed with it.
import type { ProfileInput } from '../../../shared/domain/profile';
import { AppError } from '../../../shared/errors';
import { DATA, flag, JSON_OUT } from '../args';
import { dataPaths } from '../../core/paths';
import { hasSigningKey } from '../../core/keys/signing-key';
import { dataDirOf, withCore } from '../io';
import { passphraseIo } from '../passphrase';
import type { Command } from './types';

const FIELDS = { name: 'name', organisation: 'organisation', email: 'email', 'auditor-id': 'auditorId' } as const;

export const profileShow: Command = {
  words: ['profile', 'show'],
  summary: "Show the auditor's profile and signing key",
  options: { data: DATA, json: JSON_OUT },
  async run(args, io) {
    return withCore(args, io, async (call, core) => {
      const p = await call('profile.get', {});
      if (args.flags.has('json')) {
        io.out(JSON.stringify(p, null, 2));
        return 0;
      }
      if (!p) {
        io.out(`No profile yet in ${core.dataDir}. Make one: fairsite profile set --data ${core.dataDir} --name NAME --organisation ORG --email EMAIL --auditor-id ID`);
        return 0;
      }
      io.out(`${p.name} (${p.auditorId}), ${p.organisation}, ${p.email}`);
      io.out(`Signing key ${p.keyFingerprint}, made ${p.createdAt}`);
      return 0;
    });
  },
};

export const profileSet: Command = {
  words: ['profile', 'set'],
  summary: "Save the auditor's profile; the first save makes the signing key (sealed with FAIRSITE_PASSPHRASE, or asked)",
  options: {
    name: { type: 'string', value: 'NAME', help: 'your full name, as reports print it' },
    organisation: { type: 'string', value: 'ORG', help: 'the organisation you audit for' },
    email: { type: 'string', value: 'EMAIL', help: 'your email address' },
    'auditor-id': { type: 'string', value: 'ID', help: 'your auditor ID (letters, digits, ".", "_" or "-")' },
    data: DATA,
  },
  async run(args, io) {
    const given = Object.entries(FIELDS).filter(([opt]) => flag(args, opt) !== undefined);
    if (!given.length) throw new AppError('invalid_input', 'Nothing to save: give at least one of --name, --organisation, --email, --auditor-id.');
    // Only the first save needs the passphrase: it seals the new key. Later saves change the text.
    const keyMade = hasSigningKey(dataPaths(dataDirOf(args, io)).keys);
    const withPass = keyMade ? io : await passphraseIo(io, 'Passphrase to seal your new signing key: ');
    if (!withPass) throw new AppError('rejected', 'The first profile save makes your signing key, sealed with a passphrase: set FAIRSITE_PASSPHRASE, or run the command in a terminal to be asked.');
    return withCore(args, withPass, async (call, core) => {
      const old = await call('profile.get', {});
      const input: ProfileInput = { name: old?.name ?? '', organisation: old?.organisation ?? '', email: old?.email ?? '', auditorId: old?.auditorId ?? '' };
      for (const [opt, field] of given) input[field] = flag(args, opt)!;
      if (!keyMade) core.secretBox.checkNewSecret?.();
      const p = await call('profile.save', input);
      io.out(`Profile saved: ${p.name} (${p.auditorId}), signing key ${p.keyFingerprint}`);
      return 0;
    });
  },
};
