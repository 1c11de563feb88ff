// The HQ configuration package: what headquarters hands every laptop instead
// of sync settings typed by hand — HQ's public encryption key (age), the
// upload address, and the checklists HQ wants used — signed with HQ's
// Ed25519 configuration key over the canonical JSON of its body (the same
// canonical form as template hashes), so a laptop can tell it came from its
// HQ unchanged. No secret travels in it: upload passwords or tokens stay per
// auditor, typed in Sync settings.
//
// Why the upload sign-in is not in the package, even sealed:
// - The package is signed, not encrypted, and it is one file for every
//   laptop: whoever holds it (a USB stick, the address a laptop fetches it
//   from before it has any sign-in) reads all of it. A password in it would
//   be a secret shared in clear.
// - Sealing it to each laptop needs an encryption key on the laptop that HQ
//   knows. A laptop's enrolment key is an Ed25519 signing key; encrypting to
//   it means converting it to X25519, which Node's crypto does not offer, and
//   using one key both to sign and to decrypt, which keeping HQ's own age key
//   apart from its configuration key avoids. It would take a new key on every
//   laptop, a new enrolment code carrying it, HQ storing it (a migration on
//   both engines), every laptop enrolled again, and a package with one
//   sealed entry per auditor.
// - Upload accounts are best one per auditor (a lost laptop's account is
//   closed alone). To publish them HQ would have to keep every auditor's
//   upload password, a bigger prize than any laptop, which holds only its own.
// So the package names the address; an unchanged address keeps the sign-in
// the auditor typed, and a new one is saved without sign-in, for the auditor
// to complete in Sync settings when HQ's server wants one (import.ts).
import { z } from 'zod';
import { says } from '../schema-messages';

export const HQ_CONFIG_FORMAT = 'fairsite.hq-config';
export const HQ_CONFIG_FORMAT_VERSION = 1;
/** A package holds whole checklists; a few of them fit well under this. */
export const MAX_HQ_CONFIG_CHARS = 8_000_000;

export const HqConfigUpload = z.strictObject({
  kind: z.enum(['webdav', 'presigned']),
  url: z.url({ protocol: /^https?$/, ...says('schema.httpAddress') }).max(2000),
});

export const HqConfigBody = z.strictObject({
  /** Who publishes it, as HQ names itself (shown on the laptop before and after import). */
  organisation: z.string().trim().max(200),
  issuedAt: z.iso.datetime(),
  /** HQ's age public key: bundles are encrypted to it. */
  hqRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, says('schema.ageKey')),
  upload: HqConfigUpload,
  /** Template documents as HQ publishes them; each is checked like any template import on the laptop. */
  templates: z.array(z.unknown()).max(50),
});
export type HqConfigBody = z.infer<typeof HqConfigBody>;

export const HqConfigSignature = z.strictObject({
  algorithm: z.literal('Ed25519'),
  /** The 32 raw bytes of HQ's configuration public key, base64. */
  publicKey: z.base64().length(44),
  /** Ed25519 over the UTF-8 canonical JSON of `body`, base64. */
  value: z.base64().length(88),
});

/**
 * After HQ rotated its configuration key: the previous key's Ed25519
 * signature over the canonical JSON of { body, publicKey } (publicKey: the
 * new key's, as in `signature`), so a laptop that trusted the old key can
 * take the new one.
 */
export const HqConfigEndorsement = z.strictObject({
  publicKey: z.base64().length(44),
  value: z.base64().length(88),
});

export const HqConfigPackage = z.strictObject({
  format: z.literal(HQ_CONFIG_FORMAT),
  formatVersion: z.literal(HQ_CONFIG_FORMAT_VERSION),
  body: HqConfigBody,
  signature: HqConfigSignature,
  previous: HqConfigEndorsement.optional(),
});
export type HqConfigPackage = z.infer<typeof HqConfigPackage>;

/** What a laptop took from a package. */
export const HqConfigApplied = z.object({
  organisation: z.string(),
  issuedAt: z.string(),
  /** HQ's configuration key, as a fingerprint to compare with the one HQ shows. */
  fingerprint: z.string(),
  hqRecipient: z.string(),
  upload: HqConfigUpload,
  templates: z.array(z.object({ key: z.string(), version: z.string(), name: z.string(), installed: z.boolean() })),
});
export type HqConfigApplied = z.infer<typeof HqConfigApplied>;
