// Headquarters' inbox: every bundle received (uploaded from the page,
// picked in the Open dialog, or found in the watched folder) with what
// became of it, and each enrolled auditor's activity. The operations are in
// shared/contract/hq-inbox-ops.ts.
import { z } from 'zod';
import { MessageSchema } from './message';

export const ReceiptSource = z.enum(['upload', 'picked', 'watched']);
export type ReceiptSource = z.infer<typeof ReceiptSource>;

export const Receipt = z.object({
  at: z.string(),
  source: ReceiptSource,
  file: z.string(),
  status: z.enum(['imported', 'already_imported', 'held', 'rejected', 'failed']),
  reason: z.string().nullable(),
  /** In English (as the command line says it); `text` the same for the UI (receipts written before it have none). */
  message: z.string(),
  text: MessageSchema.optional(),
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
  /** What a held bundle waits for, for the UI to say. */
  text: MessageSchema.optional(),
  sequence: z.number().int(),
  receivedAt: z.string(),
  importedAt: z.string().nullable(),
});

export const InboxState = z.object({
  watchFolder: z.string().nullable(),
  /** The last scan of the watched folder, and why it failed if it did. */
  lastScanAt: z.string().nullable(),
  scanError: z.string().nullable(),
  scanErrorText: MessageSchema.optional(),
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
