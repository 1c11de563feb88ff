// The signed report's records: drawn signatures of the closing meeting, the
// certificate the report is signed with, and an exported report file. The
// operations are in shared/contract/signed-report-ops.ts.
import { z } from 'zod';
import { says } from '../schema-messages';
import { Id, requiredText, shortText } from './common';

export const SIGNOFF_ROLES = ['auditor', 'site_rep'] as const;

// A signature pad PNG is a few kB; 1.5 MB of base64 is far beyond any real one.
const pngBase64 = z.string().min(16).max(2_000_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, says('schema.pngData'));

export const SignoffInput = z.strictObject({
  auditId: Id,
  role: z.enum(SIGNOFF_ROLES),
  name: requiredText(120),
  title: shortText(120).default(''),
  /** The site representative confirms the authority to implement the corrective actions. */
  hasAuthority: z.boolean().default(false),
  pngBase64,
});
export type SignoffInput = z.infer<typeof SignoffInput>;

export const Signoff = z.object({
  auditId: Id,
  role: z.enum(SIGNOFF_ROLES),
  name: z.string(),
  title: z.string(),
  hasAuthority: z.boolean(),
  pngBase64: z.string(),
  pngSha256: z.string(),
  signedAt: z.string(),
});
export type Signoff = z.infer<typeof Signoff>;

export const CertificateInfo = z.object({
  subject: z.string(),
  issuer: z.string(),
  serial: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  selfSigned: z.boolean(),
  source: z.enum(['generated', 'imported']),
  fingerprint: z.string(),
});

/** A report file in the data folder's reports/ folder, by name only: no path from the UI is ever opened. */
export const ReportFileName = z.string().max(200).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$/, says('schema.reportFile'));

export const ReportExportResult = z.object({
  path: z.string(),
  name: z.string(),
  pages: z.number().int(),
  bytes: z.number().int(),
  signed: z.boolean(),
  warnings: z.array(z.string()),
});
export type ReportExportResult = z.infer<typeof ReportExportResult>;
