// The HQ configuration package (shared/domain/hq-config.ts): headquarters
// publishes it, a laptop imports it from a file's text or from the address
// HQ gave, verifies HQ's signature and applies it whole, or refuses it and
// changes nothing.
import { z } from 'zod';
import { says } from '../schema-messages';
import { op } from './define';
import { HqConfigApplied, HqConfigUpload, MAX_HQ_CONFIG_CHARS } from '../domain/hq-config';

export const hqConfigOps = {
  'hqConfig.publish': op({
    summary: 'Headquarters: sign a configuration package (its encryption key, the upload address, the templates to use) for laptops to import',
    input: z.strictObject({
      organisation: z.string().trim().max(200).default(''),
      upload: HqConfigUpload,
      /** Template files' text, each validated before anything is signed. */
      templates: z.array(z.string().max(5_000_000)).max(50).default([]),
    }),
    output: z.object({ fileName: z.string(), text: z.string(), fingerprint: z.string(), templates: z.number().int() }),
  }),
  'hqConfig.rotateKey': op({
    summary: "Headquarters: a new configuration key; packages published next are signed by it and endorsed by the one before, which laptops trusting it accept",
    input: z.strictObject({}).prefault({}),
    output: z.object({ fingerprint: z.string(), previousFingerprint: z.string() }),
  }),
  'hqConfig.import': op({
    summary: "Laptop: import HQ's configuration package (its text), verified against HQ's signature; all or nothing",
    input: z.strictObject({
      text: z.string().min(1, says('schema.emptyFile')).max(MAX_HQ_CONFIG_CHARS),
      /** The fingerprint HQ showed, when the person has it: a package signed by another key is refused. */
      expectFingerprint: z.string().trim().max(100).optional(),
    }),
    output: HqConfigApplied,
  }),
  'hqConfig.importUrl': op({
    summary: "Laptop: fetch HQ's configuration package from the address HQ gave (no redirects elsewhere) and import it",
    input: z.strictObject({
      url: z.url({ protocol: /^https?$/, ...says('schema.httpAddress') }).max(2000),
      expectFingerprint: z.string().trim().max(100).optional(),
    }),
    output: HqConfigApplied,
  }),
  'hqConfig.status': op({
    summary: 'Laptop: the HQ configuration imported last (HQ key fingerprint, when), if any',
    input: z.strictObject({}).prefault({}),
    output: z.object({ imported: HqConfigApplied.nullable() }),
  }),
};
