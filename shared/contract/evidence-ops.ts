// Operations of evidence: photos (sent in chunks, so any photo fits within
// every transport's size cap and is hashed as it arrives), documents
// reviewed and worker interviews.
import { z } from 'zod';
import { op } from './define';
import { Id, shortText } from '../domain/common';
import {
  DocumentInput, EvidenceSettings, Interview, InterviewInput, Photo, PhotoTarget, ReviewedDocument, Shape,
} from '../domain/evidence';
import { says } from '../schema-messages';

/** Bytes per upload chunk (before base64). */
export const PHOTO_CHUNK_BYTES = 2 * 1024 * 1024;
const base64Max = Math.ceil(PHOTO_CHUNK_BYTES / 3) * 4;

const byId = z.strictObject({ id: Id });
const byAudit = z.strictObject({ auditId: Id });
const byUpload = z.strictObject({ uploadId: Id });
const deleted = z.object({ deleted: z.boolean() });

export const evidenceOps = {
  'evidence.upload.start': op({
    summary: 'Announce a photo file (name and size); returns an upload id',
    input: z.strictObject({ auditId: Id, name: z.string().trim().min(1).max(255), size: z.number().int().min(0) }),
    output: z.object({ uploadId: Id, chunkBytes: z.number().int() }),
  }),
  'evidence.upload.chunk': op({
    summary: 'Send the next chunk of an upload, base64-encoded, in order',
    input: z.strictObject({
      uploadId: Id, offset: z.number().int().min(0),
      data: z.string().max(base64Max).regex(/^[A-Za-z0-9+/]*={0,2}$/, says('schema.base64')),
    }),
    output: z.object({ received: z.number().int() }),
  }),
  'evidence.upload.finish': op({
    summary: 'Check and store the uploaded photo and attach it; refused files leave nothing stored',
    input: z.strictObject({ uploadId: Id, target: PhotoTarget, caption: shortText(500).default('') }),
    output: z.object({ photo: Photo, duplicate: z.boolean() }),
  }),
  'evidence.upload.cancel': op({ summary: 'Abandon an upload', input: byUpload, output: z.object({ cancelled: z.boolean() }) }),

  'evidence.list': op({ summary: 'Photos of an audit', input: byAudit, output: z.array(Photo) }),
  'evidence.caption': op({ summary: "Change a photo's caption", input: z.strictObject({ id: Id, caption: shortText(500) }), output: Photo }),
  'evidence.annotate': op({
    summary: 'Draw shapes on a copy of the photo (the original stays untouched); no shapes removes the copy',
    input: z.strictObject({ id: Id, shapes: z.array(Shape).max(100) }),
    output: Photo,
  }),
  'evidence.delete': op({ summary: 'Delete a photo; its file goes when nothing else refers to it', input: byId, output: z.object({ deleted: z.boolean(), filesRemoved: z.number().int() }) }),
  'evidence.settings.get': op({ summary: 'Evidence settings', input: z.strictObject({}), output: EvidenceSettings }),
  'evidence.settings.save': op({ summary: 'Save evidence settings', input: EvidenceSettings, output: EvidenceSettings }),
  'evidence.sweep': op({
    summary: 'Remove photo files no record refers to, and leftovers of interrupted writes',
    input: z.strictObject({}),
    output: z.object({ removed: z.number().int(), missing: z.array(z.string()) }),
  }),
  'evidence.verify': op({
    summary: 'Read back every stored photo file and signed report and list those that are damaged (hash differs) or missing',
    input: z.strictObject({}),
    output: z.object({
      checked: z.number().int(),
      problems: z.array(z.object({ kind: z.enum(['photo', 'report']), id: z.string(), file: z.string(), problem: z.enum(['damaged', 'missing']) })),
    }),
  }),

  'documents.list': op({ summary: 'Documents reviewed in an audit', input: byAudit, output: z.array(ReviewedDocument) }),
  'documents.save': op({ summary: 'Create or update a document reviewed', input: DocumentInput, output: ReviewedDocument }),
  'documents.delete': op({ summary: 'Delete a document reviewed (its photos first)', input: byId, output: deleted }),

  'interviews.list': op({ summary: 'Worker interviews of an audit (private: shown only in the app)', input: byAudit, output: z.array(Interview) }),
  'interviews.save': op({ summary: 'Create or update a worker interview', input: InterviewInput, output: Interview }),
  'interviews.delete': op({ summary: 'Delete a worker interview', input: byId, output: deleted }),
};
