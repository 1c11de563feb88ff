// Operations of headquarters' inbox: bundles received and what became of
// each, the watched folder, each enrolled auditor's activity. The schemas are
// in shared/domain/hq-inbox.ts.
import { z } from 'zod';
import { says } from '../schema-messages';
import { op } from './define';
import { Id } from '../domain/common';
import { ImportResult } from '../domain/sync';
import { AuditorActivity, InboxState, RECEIVE_CHUNK_BYTES, ReceiptSource } from '../domain/hq-inbox';

const UploadName = z.string().max(200).regex(/^[^/\\\0]+$/, says('schema.fileName')).refine((n) => n !== '.' && n !== '..', says('schema.fileName'));

export const hqInboxOps = {
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
