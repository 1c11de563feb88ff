// The HQ configuration package on the command line: headquarters publishes
// it from its own folder (`fairsite hq publish-config`) and rotates the key
// that signs it (`fairsite hq rotate-config-key`), a laptop imports it
// (`fairsite config import`), through the same core functions as the app.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hqConfigOps } from '../../../shared/contract/hq-config-ops';
import { AppError } from '../../../shared/errors';
import { plainMessage } from '../../../shared/zod-messages';
import { DATA, flag } from '../args';
import { withCore } from '../io';
import { requirePassphrase } from '../passphrase';
import type { Command } from './types';
import { HQ_OPTIONS, hqDirOf, hqTargetOf } from './hq';
import { hqPaths, openHq } from '../../core/hq/context';
import { envPassphraseBox } from '../../core/keys/secret-box';
import { publishHqConfig } from '../../core/hqconfig/publish';
import { hasHqConfigKey, rotateHqConfigKey } from '../../core/hqconfig/signing';

export const hqPublishConfig: Command = {
  words: ['hq', 'publish-config'],
  summary: 'Sign a configuration package for laptops: HQ\'s encryption key, the upload address and the templates given',
  options: {
    ...HQ_OPTIONS,
    upload: { type: 'string', value: 'URL', help: 'the address laptops upload bundles to', required: true },
    kind: { type: 'string', value: 'webdav|presigned', help: 'how uploads reach HQ (default webdav)' },
    organisation: { type: 'string', value: 'NAME', help: 'how HQ names itself to the laptops' },
    out: { type: 'string', value: 'FILE', help: 'the package file to write', required: true },
  },
  positionals: { names: ['TEMPLATE.json…'], min: 0, max: 50 },
  async run(args, io) {
    const parsed = hqConfigOps['hqConfig.publish'].input.safeParse({
      organisation: flag(args, 'organisation') ?? '', upload: { kind: flag(args, 'kind') ?? 'webdav', url: flag(args, 'upload') },
      templates: args.positionals.map((f) => readFileSync(f, 'utf8')),
    }, { error: plainMessage });
    if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues.map((i) => `--${i.path.map(String).join('.').replace('upload.url', 'upload').replace('upload.kind', 'kind')}: ${i.message}`).join('; '));
    const withPass = await requirePassphrase(io, "HQ's keys are stored sealed");
    const hq = await openHq(hqDirOf(args, withPass), envPassphraseBox(withPass.env));
    try {
      const r = await publishHqConfig(hq, parsed.data);
      writeFileSync(flag(args, 'out')!, r.text);
      io.out(`Wrote ${flag(args, 'out')} with ${r.templates} template${r.templates === 1 ? '' : 's'}.`);
      io.out(`Signed by HQ's configuration key ${r.fingerprint}: give laptops this fingerprint to check.`);
      return 0;
    } finally {
      hq.close();
    }
  },
};

export const hqRotateConfigKey: Command = {
  words: ['hq', 'rotate-config-key'],
  summary: "Make a new configuration key (sealed with FAIRSITE_PASSPHRASE); packages published next are signed by it and endorsed by the one before",
  options: HQ_OPTIONS,
  async run(args, io) {
    // The key lives in HQ's folder whichever engine holds the rows: --db is checked like every hq command's, and no database is opened.
    const { dir } = hqTargetOf(args, io);
    const paths = hqPaths(dir);
    if (!existsSync(paths.dir)) throw new AppError('not_found', `There is no HQ folder at ${paths.dir}; give HQ's folder with --data. Nothing was changed.`);
    const withPass = await requirePassphrase(io, "HQ's keys are stored sealed");
    const hq = { paths, box: envPassphraseBox(withPass.env) };
    // A folder that never published has no key to rotate: the first publish makes one (a mistyped --data makes none).
    if (!hasHqConfigKey(hq)) throw new AppError('not_found', `HQ at ${paths.dir} has no configuration key yet; its first package makes one (fairsite hq publish-config). Nothing was changed.`);
    const r = rotateHqConfigKey(hq);
    io.out(`New configuration key ${r.fingerprint}.`);
    io.out(`Previous key ${r.previousFingerprint}: it endorses the new one in the packages HQ publishes next, which laptops that trusted it accept.`);
    io.out('Publish a new package now (fairsite hq publish-config) and give auditors the new fingerprint; a laptop that missed this rotation accepts the new key only when its auditor types it.');
    return 0;
  },
};

export const configImport: Command = {
  words: ['config', 'import'],
  summary: "Import HQ's configuration package on this laptop (HQ's signature checked; all or nothing)",
  options: { data: DATA, fingerprint: { type: 'string', value: 'FP', help: "the fingerprint of HQ's configuration key, as HQ gave it" } },
  positionals: { names: ['FILE'], min: 1, max: 1 },
  async run(args, io) {
    const text = readFileSync(args.positionals[0]!, 'utf8');
    return withCore(args, io, async (call) => {
      const fp = flag(args, 'fingerprint');
      const r = await call('hqConfig.import', { text, ...(fp ? { expectFingerprint: fp } : {}) });
      io.out(`Imported the configuration of ${r.organisation || 'HQ'} (signed by ${r.fingerprint}, issued ${r.issuedAt}).`);
      io.out(`HQ key: ${r.hqRecipient}`);
      io.out(`Upload: ${r.upload.kind} ${r.upload.url}`);
      for (const t of r.templates) io.out(`Template ${t.name} (${t.key} ${t.version}): ${t.installed ? 'installed' : 'already installed'}`);
      return 0;
    });
  },
};
