// Operations of the signed report: drawn signatures of the closing meeting,
// the report export (a job), and the certificate the report is signed with.
import { z } from 'zod';
import { op } from './define';
import { Id, requiredText, shortText } from '../domain/common';
import { says } from '../schema-messages';

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

export const reportOps = {
  'signoffs.list': op({ summary: 'Drawn signatures of an audit', input: z.strictObject({ auditId: Id }), output: z.array(Signoff) }),
  'signoffs.save': op({ summary: 'Save a drawn signature (auditor or site representative); refused once finalized', input: SignoffInput, output: Signoff }),
  'report.export': op({
    summary: 'Make the PDF report: signed when the audit is finalized, else a watermarked draft. Returns a job; its result is ReportExportResult',
    // The report's language: English unless asked (Sedex requires English); the template's translations where it has them.
    input: z.strictObject({ auditId: Id, draft: z.boolean().default(false), language: z.enum(['en', 'es', 'fr']).default('en') }),
    output: z.object({ jobId: Id }),
    job: ReportExportResult,
  }),
  'report.read': op({ summary: 'The bytes of an exported report, for a download link where the app cannot open files (the web harness)', input: z.strictObject({ name: ReportFileName }), output: z.object({ name: z.string(), base64: z.string() }) }),
  // Opening files is the desktop shell's job: the core answers that it cannot,
  // and the Electron shell spreads desktopReportHandlers(shell) from
  // electron/handlers/report-handlers.ts over the handler table.
  'report.open': op({ summary: 'Open an exported report in the default PDF viewer (desktop app)', input: z.strictObject({ name: ReportFileName }), output: z.object({ opened: z.boolean() }) }),
  'report.showInFolder': op({ summary: 'Show an exported report in the file manager (desktop app)', input: z.strictObject({ name: ReportFileName }), output: z.object({ shown: z.boolean() }) }),
  'report.certificate': op({ summary: 'The certificate reports are signed with, or null before the first signed report', input: z.strictObject({}), output: CertificateInfo.nullable() }),
  'report.importCertificate': op({
    summary: "Use an organisation-issued .p12 for report signatures; wrong password, expired or keyless files are refused",
    input: z.strictObject({ p12Base64: z.string().min(16).max(200_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, says('schema.base64')), password: z.string().max(1000) }),
    output: CertificateInfo,
  }),
};
