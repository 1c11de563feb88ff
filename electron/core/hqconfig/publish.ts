// Headquarters publishes its configuration: its age public key (made if HQ
// has none yet), the upload address, and the checklists it wants used, each
// checked like a template import before anything is signed.
import type { z } from 'zod';
import { msg } from '../../../shared/messages';
import { refusal } from '../../../shared/core-messages';
import { HqConfigBody } from '../../../shared/domain/hq-config';
import type { hqConfigOps } from '../../../shared/contract/hq-config-ops';
import { checkTemplate } from '../template-file';
import { initHqKey } from '../hq/keys';
import type { Hq } from '../hq/context';
import { hqConfigKey, previousHqConfigKey, signPackage } from './signing';

type PublishInput = z.output<(typeof hqConfigOps)['hqConfig.publish']['input']>;

export async function publishHqConfig(hq: Hq, input: PublishInput, now = new Date()): Promise<{ fileName: string; text: string; fingerprint: string; templates: number }> {
  const templates = input.templates.map((text, i) => {
    const v = checkTemplate(text);
    if (!v.ok) {
      throw refusal('rejected', msg('hqConfig.publishProblems', { n: i + 1, count: v.total }), v.errors.map((e) => ({ ...e, path: `templates.${i}.${e.path}` })));
    }
    return v.template;
  });
  const keys = new Set<string>();
  for (const t of templates) {
    if (keys.has(`${t.key}@${t.version}`)) throw refusal('invalid_input', msg('hqConfig.givenTwice', { key: t.key, version: t.version }));
    keys.add(`${t.key}@${t.version}`);
  }
  const { recipient } = await initHqKey(hq);
  const body = HqConfigBody.parse({ organisation: input.organisation, issuedAt: now.toISOString(), hqRecipient: recipient, upload: input.upload, templates });
  const key = hqConfigKey(hq);
  // After a rotation the previous key endorses the new one, so laptops that trusted it take the new key.
  const text = `${JSON.stringify(signPackage(body, key, previousHqConfigKey(hq)), null, 2)}\n`;
  return { fileName: `hq-config-${now.toISOString().slice(0, 10)}.fshq`, text, fingerprint: key.fingerprint, templates: templates.length };
}
