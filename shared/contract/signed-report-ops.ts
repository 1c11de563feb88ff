// Operations of the signed report: drawn signatures of the closing meeting,
// the report export (a job), and the certificate the report is signed with.
// The schemas are in shared/domain/report.ts.
import { z } from 'zod';
import { says } from '../schema-messages';
import { op } from './define';
import { Id } from '../domain/common';
import { CertificateInfo, ReportExportResult, ReportFileName, Signoff, SignoffInput } from '../domain/report';

export const signedReportOps = {
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
