// Operations of the report's extra records: the audit's site and workforce
// profile and declaration, the auditor's credentials, and the consistency
// warnings shown before finalizing.
import { z } from 'zod';
import { op } from './define';
import { Id, shortText } from '../domain/common';
import { MessageSchema } from '../domain/message';
import { AuditProfile, AuditProfileInput, Credentials, CredentialsInput } from '../domain/audit-profile';

export const ConsistencyWarning = z.object({
  key: z.string(),
  kind: z.enum(['photo_date', 'signature_date', 'interview_count', 'sample_count', 'worker_hours', 'copied_action']),
  message: z.string(),
  /** The same warning as key and figures, said in the reader's language. */
  text: MessageSchema,
  photoId: z.string().optional(),
  photoSha: z.string().optional(),
  acknowledged: z.boolean(),
  note: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type ConsistencyWarning = z.infer<typeof ConsistencyWarning>;

export const auditProfileOps = {
  'auditProfile.get': op({ summary: "The audit's site and workforce profile and declaration (suggested from the site before the first save)", input: z.strictObject({ auditId: Id }), output: AuditProfile }),
  'auditProfile.save': op({ summary: "Save the audit's site and workforce profile and declaration; refused once finalized", input: AuditProfileInput, output: AuditProfile }),
  'credentials.get': op({ summary: "The auditor's credentials and independence statement, or null", input: z.strictObject({}), output: Credentials.nullable() }),
  'credentials.save': op({ summary: "Save the auditor's credentials (APSCA number or other) and independence statement", input: CredentialsInput, output: Credentials }),
  'consistency.list': op({ summary: 'Contradictions found in the audit, each fixed or acknowledged before finalizing', input: z.strictObject({ auditId: Id }), output: z.array(ConsistencyWarning) }),
  'consistency.acknowledge': op({
    summary: 'Acknowledge a consistency warning with the reason printed in the report, or withdraw the acknowledgement',
    input: z.strictObject({ auditId: Id, key: z.string().min(1).max(200), acknowledged: z.boolean(), note: shortText(1000).default('') }),
    output: z.array(ConsistencyWarning),
  }),
};
