// Operations of sync: bundle export (a job), the outbox and its upload
// settings on the laptop, and the headquarters screen (enrolment, import).
import { z } from 'zod';
import { op } from './define';
import { Id } from '../domain/common';
import { says } from '../schema-messages';

const none = z.strictObject({});
const Fingerprint = z.string().trim().regex(/^[0-9a-fA-F\s:]{64,100}$/, says('schema.fingerprint'));
const FilePath = z.string().trim().min(1, says('required')).max(4096);

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
  message: z.string(),
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

export const bundleOps = {
  'bundle.export': op({
    summary: 'Make a signed bundle (incremental to the last one HQ acknowledged unless full) and put it in the outbox',
    input: z.strictObject({ auditIds: z.array(Id).max(10_000).default([]), full: z.boolean().default(false) }),
    output: z.object({ jobId: Id }),
    job: BundleExportResult,
  }),
  'outbox.list': op({ summary: 'Bundles made on this laptop and their upload state', input: none, output: z.array(OutboxItem) }),
  'outbox.sendNow': op({ summary: 'Upload every bundle not yet sent, now', input: none, output: z.object({ jobId: Id }), job: SendSummary }),
  'outbox.markDelivered': op({ summary: 'Record that HQ has a bundle delivered by hand (USB)', input: z.strictObject({ bundleId: Id }), output: OutboxItem }),
  'sync.settings': op({ summary: 'Upload address (without its secret) and HQ encryption key', input: none, output: z.object({ endpoint: EndpointInfo.nullable(), hqRecipient: z.string().nullable() }) }),
  'sync.saveEndpoint': op({ summary: 'Set the HQ upload address and credentials (stored encrypted)', input: EndpointInput, output: EndpointInfo }),
  'sync.setHqKey': op({ summary: "Set HQ's public encryption key (age1…); bundles are then encrypted to it", input: z.strictObject({ recipient: z.string().trim().max(200).nullable() }), output: z.object({ hqRecipient: z.string().nullable() }) }),

  'hq.status': op({ summary: 'Headquarters: enrolled auditors, held bundles, audits and conflicts', input: none, output: HqStatus }),
  'hq.init': op({ summary: "Headquarters: make HQ's encryption key (once) and show its public half", input: none, output: z.object({ recipient: z.string(), created: z.boolean() }) }),
  'hq.enrol': op({ summary: "Headquarters: enrol an auditor's public key", input: z.strictObject({ publicKey: z.string().trim().min(1, says('required')).max(2000), auditorId: z.string().trim().min(1, says('required')).max(40), name: z.string().trim().min(1, says('required')).max(120) }), output: EnrolledAuditor }),
  'hq.revoke': op({ summary: "Headquarters: revoke an auditor's key", input: z.strictObject({ fingerprint: Fingerprint }), output: EnrolledAuditor }),
  'hq.handover': op({
    summary: 'Headquarters: hand an audit (and its later revisions) over to another enrolled auditor key; only that key may then send it',
    input: z.strictObject({ auditId: Id, toFingerprint: Fingerprint, reason: z.string().trim().min(1, says('required')).max(500) }),
    output: z.object({ auditId: z.string(), from: z.string(), to: z.string(), at: z.string(), reason: z.string() }),
  }),
  'hq.import': op({ summary: 'Headquarters: import bundle files, or every .fsb file in a folder', input: z.strictObject({ paths: z.array(FilePath).min(1).max(1000) }), output: z.object({ jobId: Id }), job: z.array(ImportResult) }),
};
