// Operations of headquarters' keys and imports: HQ's encryption key, the
// auditors it enrols, revokes and hands audits over to, and the import of
// bundle files. The schemas are in shared/domain/sync.ts.
import { z } from 'zod';
import { says } from '../schema-messages';
import { op } from './define';
import { Id } from '../domain/common';
import { EnrolledAuditor, HqStatus, ImportResult } from '../domain/sync';

const none = z.strictObject({});
const Fingerprint = z.string().trim().regex(/^[0-9a-fA-F\s:]{64,100}$/, says('schema.fingerprint'));
const FilePath = z.string().trim().min(1, says('required')).max(4096);

export const hqAdminOps = {
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
