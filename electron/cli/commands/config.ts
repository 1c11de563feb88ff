// The HQ configuration package on the command line: headquarters publishes
// it from its own folder (`fairsite hq publish-config`), a laptop imports it
// (`fairsite config import`), through the same core functions as the app.
import { readFileSync, writeFileSync } from 'node:fs';
import { hqConfigOps } from '../../../shared/contract/hq-config-ops';
import { AppError } from '../../../shared/errors';
import { plainMessage } from '../../../shared/zod-messages';
import { DATA, flag } from '../args';
import { withCore } from '../io';
import { requirePassphrase } from '../passphrase';
import type { Command } from './types';
import { HQ_OPTIONS, hqDirOf } from './hq';
import { openHq } from '../../core/hq/context';
import { envPassphraseBox } from '../../core/keys/secret-box';
import { publishHqConfig } from '../../core/hqconfig/publish';

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
