// Headquarters' read operations: every imported audit as HQ's read model
// holds it, the sites, the findings and corrective-actions tracker, the
// dashboard, the diff of two revisions, exports, and the stored photos and
// signed reports by hash. Everything here only reads; hq.export writes a file
// in HQ's folder. The schemas are in shared/domain/hq.ts.
import { z } from 'zod';
import { op } from './define';
import { Id } from '../domain/common';
import { Sha256 } from '../domain/evidence';
import {
  HQ_AUDIT_SORTS, HQ_TRACKER_KINDS, HQ_TRACKER_SORTS, HqAuditDetail, HqAuditFilter, HqAuditRow, HqDashboard, HqDiff,
  HqExportInput, HqExportName, HqExportResult, HqFilterOptions, HqSiteRow, HqTrackerRow, VersionRef, text, Day,
} from '../domain/hq';
import { Severity } from '../template/schema';
import { TemplateLanguage } from '../template/translations';
import { HqLabels } from '../domain/hq-labels';
import { HqHandover } from '../domain/hq-handover';

const Sort = <const K extends readonly [string, ...string[]]>(keys: K, by: K[number]) =>
  z.strictObject({ by: z.enum(keys).default(by as never), dir: z.enum(['asc', 'desc']).default('asc') }).prefault({});
const Page = z.strictObject({ offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(1000).default(50) }).prefault({});

const FileBytes = z.object({ contentType: z.string(), base64: z.string(), bytes: z.number().int() });

export const hqReadOps = {
  'hq.filterOptions': op({
    summary: 'Headquarters: the clients, countries, sites, auditors and bands its filters accept (those of the audits it holds)',
    input: z.strictObject({}).prefault({}),
    output: HqFilterOptions,
  }),
  'hq.audits': op({
    summary: 'Headquarters: every imported audit, filtered, sorted and paged',
    input: z.strictObject({ filter: HqAuditFilter.prefault({}), sort: Sort(HQ_AUDIT_SORTS, 'startDate'), page: Page }),
    output: z.object({ total: z.number().int(), rows: z.array(HqAuditRow) }),
  }),
  'hq.audit': op({
    summary: 'Headquarters: one audit read-only, with its verification status (chain, signer, signed PDF)',
    input: VersionRef,
    output: HqAuditDetail,
  }),
  'hq.handovers': op({
    summary: 'Headquarters: hand-overs newest first: of one audit (and its earlier revisions), or of every audit',
    input: z.strictObject({ auditId: Id.optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.array(HqHandover),
  }),
  'hq.sites': op({
    summary: 'Headquarters: every site with its audit history, latest band, trend and open findings',
    input: z.strictObject({
      filter: z.strictObject({ client: text(160).optional(), country: z.string().trim().regex(/^[A-Z]{2}$/).optional(), text: text(200).optional() }).prefault({}),
      sort: Sort(['name', 'country', 'lastAuditDate', 'latestBand', 'openFindings'], 'name'),
      page: Page,
    }),
    output: z.object({ total: z.number().int(), rows: z.array(HqSiteRow) }),
  }),
  'hq.tracker': op({
    summary: 'Headquarters: open critical and major findings, overdue corrective actions and zero-tolerance alerts; who acts by when',
    input: z.strictObject({
      filter: HqAuditFilter.omit({ includeSuperseded: true, conflict: true }).extend({
        kinds: z.array(z.enum(HQ_TRACKER_KINDS)).max(3).default([...HQ_TRACKER_KINDS]),
        severities: z.array(Severity).max(3).default(['critical', 'major']),
        /** Overdue is judged against this day (default: today, UTC). */
        asOf: Day.optional(),
      }).prefault({}),
      sort: Sort(HQ_TRACKER_SORTS, 'dueDate'),
      page: Page,
    }),
    output: z.object({
      total: z.number().int(),
      counts: z.object({ finding: z.number().int(), overdue_action: z.number().int(), zero_tolerance: z.number().int() }),
      rows: z.array(HqTrackerRow),
    }),
  }),
  'hq.dashboard': op({
    summary: 'Headquarters: bands by client and country, findings by clause and section, top recurring non-compliances, overdue actions by site',
    input: z.strictObject({ filter: HqAuditFilter.pick({ client: true, country: true, from: true, to: true, auditorId: true }).prefault({}), asOf: Day.optional(), top: z.number().int().min(1).max(100).default(10) }),
    output: HqDashboard,
  }),
  'hq.labels': op({
    summary: 'Headquarters: section titles, item prompts and choice labels from the template HQ holds for one audit (or for every current audit), in the language asked for where the template has it',
    input: z.strictObject({ auditId: Id.optional(), language: TemplateLanguage }),
    output: HqLabels,
  }),
  'hq.diff': op({
    summary: 'Headquarters: what changed between two revisions (or versions) of one audit: answers, severities, findings removed or softened, notes',
    input: z.strictObject({ from: VersionRef, to: VersionRef }),
    output: HqDiff,
  }),
  'hq.export': op({
    summary: 'Headquarters: export audits, findings or actions (CSV or XLSX, honouring the filters), or one audit as JSON; a job writing a file',
    input: HqExportInput,
    output: z.object({ jobId: Id }),
    job: HqExportResult,
  }),
  'hq.exportRead': op({
    summary: 'Headquarters: the bytes of an export file, for a download where the app cannot open files',
    input: z.strictObject({ name: HqExportName }),
    output: FileBytes.extend({ name: z.string() }),
  }),
  'hq.photo': op({
    summary: 'Headquarters: a stored photo by hash, as a thumbnail or full size (metadata stripped); only photos of imported audits',
    input: z.strictObject({ sha256: Sha256, size: z.enum(['thumb', 'full']).default('thumb') }),
    output: FileBytes,
  }),
  'hq.closureFile': op({
    summary: 'Headquarters: a closure evidence file (a document or picture the site sent, or taken on site) by hash, as received; only files of imported action chains',
    input: z.strictObject({ sha256: Sha256 }),
    output: FileBytes.extend({ name: z.string() }),
  }),
  'hq.report': op({
    summary: 'Headquarters: a stored signed PDF report by hash, verified at import',
    input: z.strictObject({ sha256: Sha256 }),
    output: FileBytes.extend({ auditId: Id.nullable(), verified: z.boolean() }),
  }),
};
