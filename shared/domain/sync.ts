// What travels between a laptop and headquarters: the upload address, the
// outbox's bundles, the results of a bundle export, an upload and an import,
// and HQ's enrolled auditors. The operations are in shared/contract
// (outbox-ops.ts, sync-ops.ts, hq-admin-ops.ts).
import { z } from 'zod';
import { says } from '../schema-messages';
import { MessageSchema } from './message';
import { Id } from './common';

export const EndpointInput = z.strictObject({
  kind: z.enum(['webdav', 'presigned']),
  /** WebDAV: the folder bundles go into. Presigned: HQ's address that hands out upload URLs. */
  url: z.url({ protocol: /^https?$/, ...says('schema.httpAddress') }).max(2000),
  auth: z.enum(['none', 'basic', 'bearer']),
  username: z.string().trim().max(200).default(''),
  /** Password (basic) or token (bearer); stored sealed, never returned. */
  secret: z.string().max(4000).default(''),
});
export type EndpointInput = z.infer<typeof EndpointInput>;

export const EndpointInfo = z.object({
  kind: z.enum(['webdav', 'presigned']),
  url: z.string(),
  auth: z.enum(['none', 'basic', 'bearer']),
  username: z.string(),
  hasSecret: z.boolean(),
});
export type EndpointInfo = z.infer<typeof EndpointInfo>;

export const OutboxItem = z.object({
  bundleId: Id,
  sequence: z.number().int(),
  baseBundleId: Id.nullable(),
  createdAt: z.string(),
  path: z.string(),
  contentHash: z.string(),
  size: z.number().int(),
  encrypted: z.boolean(),
  auditCount: z.number().int(),
  /** Action events recorded after finalize that the bundle carries, and for how many audits. */
  actionUpdates: z.number().int(),
  actionAudits: z.number().int(),
  state: z.enum(['pending', 'uploading', 'sent', 'failed']),
  progress: z.number(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  ackedAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const ImportResult = z.object({
  file: z.string(),
  // failed: HQ could not store it (its own disk), the bundle was not judged; import it again.
  status: z.enum(['imported', 'already_imported', 'held', 'rejected', 'failed']),
  /** In English (the command line); `text` the same as a message for the UI. */
  message: z.string(),
  text: MessageSchema.optional(),
  bundleId: z.string().optional(),
  auditorId: z.string().optional(),
  reason: z.string().optional(),
  audits: z.array(z.string()).optional(),
  conflicts: z.array(z.string()).optional(),
  get released() { return z.array(ImportResult).optional(); },
});
export type ImportResult = z.infer<typeof ImportResult>;

/** The result of the bundle.export job. */
export const BundleExportResult = z.object({
  bundleId: z.string(),
  path: z.string(),
  size: z.number().int(),
  encrypted: z.boolean(),
  audits: z.number().int(),
  /** Action events recorded after finalize that the bundle carries, and for how many audits. */
  actionUpdates: z.number().int(),
  actionAudits: z.number().int(),
  photos: z.number().int(),
  /** Made against the last bundle HQ acknowledged (false: a full bundle). */
  incremental: z.boolean(),
});
export type BundleExportResult = z.infer<typeof BundleExportResult>;

/** The result of the outbox.sendNow job. */
export const SendSummary = z.object({
  sent: z.number().int(),
  alreadyThere: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
});
export type SendSummary = z.infer<typeof SendSummary>;

export const EnrolledAuditor = z.object({
  fingerprint: z.string(),
  displayFingerprint: z.string(),
  auditorId: z.string(),
  name: z.string(),
  enrolledAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const HqAudit = z.object({
  auditId: z.string(),
  siteName: z.string(),
  revision: z.number().int(),
  status: z.string(),
  events: z.number().int(),
  auditorId: z.string(),
  versions: z.number().int(),
  conflict: z.boolean(),
});
export type HqAudit = z.infer<typeof HqAudit>;

export const HqStatus = z.object({
  dataDir: z.string(),
  recipient: z.string().nullable(),
  auditors: z.array(EnrolledAuditor),
  held: z.array(z.object({ bundleId: z.string(), auditorId: z.string(), reason: z.string(), receivedAt: z.string() })),
  audits: z.array(HqAudit),
});
export type HqStatus = z.infer<typeof HqStatus>;
