// Headquarters' read model as its operations answer it: every imported audit
// (projected from the verified event chains at import), the sites, the
// findings and corrective-actions tracker, the dashboard, the diff of two
// revisions and the export files. The operations are in
// shared/contract/hq-read-ops.ts.
import { z } from 'zod';
import { says } from '../schema-messages';
import { Id, IsoDate } from './common';
import { Sha256, InterviewsExport, PhotoTarget } from './evidence';
import { ResponseValue } from './response';
import { SEVERITIES, ComplianceAnswer } from '../template/schema';
import { ACTION_STATUSES } from './finding';
import { UiLanguage } from './message';
import { HqClosure, HqCycle, HqFindingAction } from './hq-cycle';

const Severity = z.enum(SEVERITIES);
const SeverityCounts = z.object({ critical: z.number().int(), major: z.number().int(), minor: z.number().int() });
/** A filter's free text: trimmed, not empty. */
export const text = (max = 200) => z.string().trim().min(1).max(max);
/** A day that exists in the calendar (2026-02-30 is refused, not read as March 2nd). */
export const Day = IsoDate.refine((d) => { const t = new Date(`${d}T00:00:00Z`); return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d); }, says('schema.calendarDay'));

export const HQ_AUDIT_STATUSES = ['draft', 'in_progress', 'finalized'] as const;

/** Filters shared by the audit list, the exports and the dashboard. Every field narrows; none given: everything. */
export const HqAuditFilter = z.strictObject({
  client: text(160).optional(),
  /** ISO 3166-1 alpha-2, as sites record it. */
  country: z.string().trim().regex(/^[A-Z]{2}$/, says('schema.countryCode')).optional(),
  siteId: Id.optional(),
  /** The auditor as HQ enrolled the owning key (auditor ID), never a name a bundle claims. */
  auditorId: text(40).optional(),
  /** A band of the rating (A–E, or a scheme's grade); only finalized audits have one. */
  band: text(20).optional(),
  /** Audit start date, inclusive. */
  from: Day.optional(),
  to: Day.optional(),
  status: z.enum(HQ_AUDIT_STATUSES).optional(),
  /** Only audits with diverging versions. */
  conflict: z.boolean().optional(),
  /** Free text over site name, client and audit id. */
  text: text(200).optional(),
  /** Earlier revisions of an audit that was reopened are left out unless asked for. */
  includeSuperseded: z.boolean().default(false),
});
export type HqAuditFilter = z.infer<typeof HqAuditFilter>;

export const HQ_AUDIT_SORTS = ['startDate', 'site', 'country', 'auditor', 'band', 'status', 'findings', 'finalizedAt'] as const;

export const HqAuditRow = z.object({
  auditId: Id,
  revision: z.number().int(),
  previousId: Id.nullable(),
  /** A later revision of this audit is at HQ. */
  superseded: z.boolean(),
  status: z.enum(HQ_AUDIT_STATUSES),
  type: z.string(),
  siteId: Id,
  siteName: z.string(),
  country: z.string(),
  clients: z.array(z.string()),
  auditorId: z.string(),
  auditorName: z.string(),
  fingerprint: z.string(),
  templateName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  finalizedAt: z.string().nullable(),
  /** As sealed by the finalize event; null before finalizing. */
  percent: z.number().nullable(),
  band: z.string().nullable(),
  findings: SeverityCounts,
  zeroTolerance: z.number().int(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
  /** Diverging versions of this audit at HQ (1 when none diverge). */
  versions: z.number().int(),
  conflict: z.boolean(),
  importedAt: z.string(),
});
export type HqAuditRow = z.infer<typeof HqAuditRow>;

const SignerInfo = z.object({
  fingerprint: z.string(),
  auditorId: z.string(),
  name: z.string(),
  state: z.enum(['enrolled', 'revoked', 'unknown']),
});

export const HqVerification = z.object({
  /** Every event hash and link recomputed at import, and the records folded from the chain agreed with the document. */
  chain: z.object({ verified: z.boolean(), events: z.number().int(), headHash: z.string() }),
  /** The key that signed the bundle that brought this version, as HQ enrolled it. */
  signer: SignerInfo,
  bundleId: z.string(),
  /** Each signed PDF: its signature, certificate endorsement by the signer and sealed content hash were checked at import. */
  reports: z.array(z.object({ sha256: Sha256, name: z.string(), size: z.number().int(), verified: z.boolean(), stored: z.boolean() })),
});

export const HqAnswer = z.object({
  itemId: z.string(),
  sectionId: z.string().nullable(),
  /** From the template when HQ knows it (built-in or published), else null. */
  prompt: z.string().nullable(),
  clause: z.string().nullable(),
  value: ResponseValue.nullable(),
  answer: ComplianceAnswer.nullable(),
  severity: Severity.nullable(),
  zeroTolerance: z.boolean(),
  note: z.string(),
  updatedAt: z.string(),
});
export type HqAnswer = z.infer<typeof HqAnswer>;

export const HqFinding = z.object({
  id: Id,
  itemId: z.string(),
  sectionId: z.string(),
  prompt: z.string().nullable(),
  clause: z.string().nullable(),
  severity: Severity.nullable(),
  zeroTolerance: z.boolean(),
  source: z.enum(['answer', 'check']),
  summary: z.string(),
  note: z.string(),
});
export type HqFinding = z.infer<typeof HqFinding>;

export const HqAction = z.object({
  id: Id,
  findingId: Id,
  action: z.string(),
  /** Who must act. */
  owner: z.string(),
  /** By when. */
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  verification: z.string(),
  rootCause: z.string(),
  preventiveAction: z.string(),
  timescale: z.string(),
  verificationMethod: z.string(),
  siteAcceptance: z.string(),
  /** Needs collaborative action: no fixed closing date (dueDate ''), its progress reviewed on reviewDate instead. */
  collaborative: z.boolean(),
  reviewDate: z.string(),
  overdue: z.boolean(),
});
export type HqAction = z.infer<typeof HqAction>;

export const HqPhotoRef = z.object({
  id: Id,
  sha256: Sha256,
  annotatedSha256: Sha256.nullable(),
  target: PhotoTarget,
  itemId: z.string().nullable(),
  caption: z.string(),
  capturedAt: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** The file is in HQ's photo store. */
  stored: z.boolean(),
});

export const HqSignature = z.object({
  role: z.string(),
  name: z.string(),
  title: z.string(),
  hasAuthority: z.boolean(),
  signedAt: z.string(),
  pngSha256: z.string().nullable(),
});

export const HqRevision = z.object({
  auditId: Id,
  revision: z.number().int(),
  status: z.enum(HQ_AUDIT_STATUSES),
  finalizedAt: z.string().nullable(),
  band: z.string().nullable(),
  percent: z.number().nullable(),
});

export const HqAuditDetail = z.object({
  header: HqAuditRow.extend({
    scope: z.string(),
    team: z.array(z.string()),
    leadAuditor: z.string(),
    contentHash: z.string().nullable(),
    template: z.object({ id: z.string(), key: z.string(), version: z.string(), name: z.string(), hash: z.string(), known: z.boolean() }),
    /** timeZone: the site's IANA zone as the laptop recorded it (absent for a site recorded before zones). */
    site: z.object({ address: z.string(), headcount: z.number().int().nullable(), currency: z.string(), timeZone: z.string().optional() }),
  }),
  verification: HqVerification,
  /** The versions of this audit HQ holds that no other extends (more than one: a conflict). */
  heads: z.array(z.object({ headHash: z.string(), eventCount: z.number().int(), current: z.boolean(), bundleId: z.string() })),
  answers: z.array(HqAnswer),
  findings: z.array(HqFinding),
  actions: z.array(HqAction),
  notes: z.array(z.object({ id: Id, scope: z.string(), ref: z.string(), body: z.string(), updatedAt: z.string() })),
  photos: z.array(HqPhotoRef),
  documents: z.array(z.object({ id: Id, kind: z.string(), title: z.string(), notes: z.string(), itemIds: z.array(z.string()) })),
  /** Counts, themes and consented excerpts only: private interview notes never leave the laptop. */
  interviews: InterviewsExport,
  signatures: z.array(HqSignature),
  /** Every revision of this audit at HQ, oldest first. */
  revisions: z.array(HqRevision),
  /** Follow-up links and each action's life after finalize. */
  cycle: HqCycle,
});
export type HqAuditDetail = z.infer<typeof HqAuditDetail>;

export const HqSiteRow = z.object({
  siteId: Id,
  name: z.string(),
  country: z.string(),
  clients: z.array(z.string()),
  audits: z.number().int(),
  lastAuditDate: z.string().nullable(),
  latestBand: z.string().nullable(),
  latestPercent: z.number().nullable(),
  /** Latest finalized score against the one before: up, down, same; new with one; null with none. */
  trend: z.enum(['up', 'down', 'same', 'new']).nullable(),
  openFindings: SeverityCounts,
  overdueActions: z.number().int(),
  /** Finalized and in-progress audits of the site, newest first (at most 20). */
  history: z.array(HqRevision.extend({ startDate: z.string(), auditorName: z.string() })),
});
export type HqSiteRow = z.infer<typeof HqSiteRow>;

export const HQ_TRACKER_KINDS = ['finding', 'overdue_action', 'zero_tolerance'] as const;
export const HQ_TRACKER_SORTS = ['dueDate', 'severity', 'site', 'country', 'auditor', 'daysOverdue', 'startDate'] as const;

export const HqTrackerRow = z.object({
  kind: z.enum(HQ_TRACKER_KINDS),
  auditId: Id,
  revision: z.number().int(),
  siteId: Id,
  siteName: z.string(),
  country: z.string(),
  clients: z.array(z.string()),
  auditorId: z.string(),
  auditorName: z.string(),
  startDate: z.string(),
  findingId: Id,
  itemId: z.string(),
  sectionId: z.string(),
  clause: z.string().nullable(),
  prompt: z.string().nullable(),
  severity: Severity.nullable(),
  zeroTolerance: z.boolean(),
  summary: z.string(),
  /** The corrective action (the earliest due open one for a finding row), if any. */
  actionId: Id.nullable(),
  action: z.string().nullable(),
  /** Who must act, and by when. */
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  actionStatus: z.enum(ACTION_STATUSES).nullable(),
  /** Where the action stands after finalize (the audit's action chain); null when nothing happened since. */
  closure: HqClosure.nullable(),
  daysOverdue: z.number().int().nullable(),
  /** Every corrective action of the row's finding, due first first, each with where it stands now. */
  actions: z.array(HqFindingAction),
});
export type HqTrackerRow = z.infer<typeof HqTrackerRow>;

const countOf = <K extends z.ZodType>(key: K) => z.array(z.object({ key, count: z.number().int() }));

export const HqDashboard = z.object({
  totals: z.object({
    audits: z.number().int(), finalized: z.number().int(), sites: z.number().int(),
    openFindings: SeverityCounts, overdueActions: z.number().int(), zeroToleranceAlerts: z.number().int(), conflicts: z.number().int(),
  }),
  bandsByClient: z.array(z.object({ client: z.string(), bands: countOf(z.string()) })),
  bandsByCountry: z.array(z.object({ country: z.string(), bands: countOf(z.string()) })),
  findingsByClause: z.array(z.object({ clause: z.string(), counts: SeverityCounts, total: z.number().int() })),
  findingsBySection: z.array(z.object({ sectionId: z.string(), counts: SeverityCounts, total: z.number().int() })),
  /** Items found non-compliant at the most sites. */
  topRecurring: z.array(z.object({ itemId: z.string(), prompt: z.string().nullable(), clause: z.string().nullable(), sites: z.number().int(), findings: z.number().int() })),
  overdueBySite: z.array(z.object({ siteId: Id, siteName: z.string(), country: z.string(), overdue: z.number().int() })),
});
export type HqDashboard = z.infer<typeof HqDashboard>;

/** One audit version: an audit id (a revision), and optionally which of its diverging heads. */
export const VersionRef = z.strictObject({ auditId: Id, headHash: z.string().regex(/^[0-9a-f]{64}$/).optional() });

export const HqDiffChange = z.enum(['added', 'removed', 'changed']);
export const HqDiff = z.object({
  from: HqRevision.extend({ headHash: z.string() }),
  to: HqRevision.extend({ headHash: z.string() }),
  answers: z.array(z.object({
    itemId: z.string(), prompt: z.string().nullable(), change: HqDiffChange,
    before: ResponseValue.nullable(), after: ResponseValue.nullable(),
    noteBefore: z.string().nullable(), noteAfter: z.string().nullable(),
  })),
  severities: z.array(z.object({
    itemId: z.string(), prompt: z.string().nullable(), before: Severity.nullable(), after: Severity.nullable(),
    /** Lower severity after (critical → major, major → minor, or to none); zero tolerance withdrawn counts too. */
    softened: z.boolean(),
    zeroToleranceBefore: z.boolean(), zeroToleranceAfter: z.boolean(),
  })),
  findings: z.array(z.object({
    itemId: z.string(), prompt: z.string().nullable(), change: z.enum(['added', 'removed', 'softened', 'hardened', 'changed']),
    severityBefore: Severity.nullable(), severityAfter: Severity.nullable(),
    summaryBefore: z.string().nullable(), summaryAfter: z.string().nullable(),
  })),
  actions: z.array(z.object({ itemId: z.string().nullable(), change: HqDiffChange, before: z.string().nullable(), after: z.string().nullable(), dueBefore: z.string().nullable(), dueAfter: z.string().nullable() })),
  notes: z.array(z.object({ scope: z.string(), ref: z.string(), change: HqDiffChange, before: z.string().nullable(), after: z.string().nullable() })),
  /** A finding removed or softened: the report was weakened. */
  weakened: z.boolean(),
});
export type HqDiff = z.infer<typeof HqDiff>;

export const HqExportInput = z.discriminatedUnion('what', [
  // language: headers and Fairsite's own values in the UI's language (English, with the values as codes, when absent).
  z.strictObject({ what: z.enum(['audits', 'findings', 'actions']), format: z.enum(['csv', 'xlsx']), filter: HqAuditFilter.prefault({}), language: UiLanguage.optional() }),
  z.strictObject({ what: z.literal('audit'), format: z.literal('json'), auditId: Id }),
]);
export type HqExportInput = z.infer<typeof HqExportInput>;

/** The result of an hq.export job (jobs.get): the file written in HQ's exports folder. */
export const HqExportResult = z.object({ path: z.string(), name: z.string(), rows: z.number().int(), bytes: z.number().int() });
export type HqExportResult = z.infer<typeof HqExportResult>;
export const HqExportName = z.string().regex(/^[A-Za-z0-9._-]{1,120}\.(csv|xlsx|json)$/, says('schema.exportFile'));

/** The values HQ's filters accept: what the audits it holds carry. */
export const HqFilterOptions = z.object({
  clients: z.array(z.string()),
  countries: z.array(z.string()),
  sites: z.array(z.object({ siteId: Id, name: z.string(), country: z.string() })),
  auditors: z.array(z.object({ auditorId: z.string(), name: z.string() })),
  bands: z.array(z.string()),
});
export type HqFilterOptions = z.infer<typeof HqFilterOptions>;
