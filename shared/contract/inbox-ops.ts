// Headquarters' inbox: every bundle received (uploaded from the page,
// picked in the Open dialog, or found in the watched folder) with what
// became of it, and each enrolled auditor's activity.
import { z } from 'zod';
import { op } from './define';
import { Id } from '../domain/common';
import { ImportResult } from './bundle-ops';
import { says } from '../schema-messages';

export const ReceiptSource = z.enum(['upload', 'picked', 'watched']);
export type ReceiptSource = z.infer<typeof ReceiptSource>;

export const Receipt = z.object({
  at: z.string(),
  source: ReceiptSource,
  file: z.string(),
  status: z.enum(['imported', 'already_imported', 'held', 'rejected', 'failed']),
  reason: z.string().nullable(),
  message: z.string(),
  bundleId: z.string().nullable(),
  auditorId: z.string().nullable(),
  conflicts: z.array(z.string()),
});
export type Receipt = z.infer<typeof Receipt>;

export const InboxBundle = z.object({
  bundleId: z.string(),
  auditorId: z.string(),
  state: z.enum(['imported', 'held']),
  reason: z.string().nullable(),
  sequence: z.number().int(),
  receivedAt: z.string(),
  importedAt: z.string().nullable(),
});

export const InboxState = z.object({
  watchFolder: z.string().nullable(),
  /** The last scan of the watched folder, and why it failed if it did. */
  lastScanAt: z.string().nullable(),
  scanError: z.string().nullable(),
  receipts: z.array(Receipt),
  bundles: z.array(InboxBundle),
  conflicts: z.array(z.object({ auditId: z.string(), siteName: z.string(), versions: z.number().int() })),
});
export type InboxState = z.infer<typeof InboxState>;

export const AuditorActivity = z.object({
  fingerprint: z.string(),
  bundles: z.number().int(),
  lastBundleId: z.string().nullable(),
  lastBundleAt: z.string().nullable(),
  audits: z.array(z.object({ auditId: z.string(), siteName: z.string(), revision: z.number().int(), status: z.string() })),
});
export type AuditorActivity = z.infer<typeof AuditorActivity>;

/** A bundle file handed over in the page (drop, file picker), sent in chunks the size the harness accepts. */
export const RECEIVE_CHUNK_BYTES = 4 * 1024 * 1024;
const UploadName = z.string().max(200).regex(/^[^/\\\0]+$/, says('schema.fileName')).refine((n) => n !== '.' && n !== '..', says('schema.fileName'));

export const inboxOps = {
  'hq.inbox': op({ summary: 'Headquarters: bundles received and what became of each, the watched folder', input: z.strictObject({}), output: InboxState }),
  'hq.receive': op({
    summary: 'Headquarters: receive one chunk of a bundle file handed over in the page; the last chunk answers with its path',
    input: z.strictObject({ uploadId: Id, fileName: UploadName, offset: z.number().int().min(0), chunkBase64: z.string().max(Math.ceil(RECEIVE_CHUNK_BYTES / 3) * 4), last: z.boolean() }),
    output: z.object({ received: z.number().int(), path: z.string().nullable() }),
  }),
  'hq.importInbox': op({
    summary: 'Headquarters: import bundle files or folders into the inbox (each receipt is kept)',
    input: z.strictObject({ paths: z.array(z.string().trim().min(1).max(4096)).min(1).max(1000), source: ReceiptSource.exclude(['watched']) }),
    output: z.object({ jobId: Id }),
    job: z.array(ImportResult),
  }),
  'hq.setWatchFolder': op({ summary: 'Headquarters: the folder whose bundles are imported by themselves (null: none)', input: z.strictObject({ folder: z.string().trim().min(1).max(4096).nullable() }), output: InboxState }),
  'hq.auditorActivity': op({ summary: "Headquarters: each enrolled key's bundles and audits", input: z.strictObject({}), output: z.array(AuditorActivity) }),
};
