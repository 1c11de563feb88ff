// The report's input: plain data, built once from the store by the loader,
// so the layout can be tested with synthetic audits and sent to a worker.
import type { Severity } from '../../../shared/template/schema';
import type { SignMeta } from './sign/sign';
import type { ReportLanguage } from './strings';
import type { AUDIT_TYPES } from '../../../shared/domain/audit';
type AuditType = (typeof AUDIT_TYPES)[number];
import type { SiteProfile } from '../../../shared/domain/audit-profile';
import type { FollowUpReport } from './sections/followup-data';
import type { Message } from '../../../shared/messages';

export type Tone = 'ok' | 'bad' | 'warn' | 'neutral';

/** A photo is read from disk (or given as bytes) only when it is placed. */
export type ImageSource = { path: string } | { bytes: Uint8Array };

export interface ReportPhoto {
  id: string;
  /** Shown as "P3" in captions and in the appendix. */
  ref: string;
  caption: string;
  takenAt: string;
  /** When it was taken, in the site's time zone and the report's language, the zone named. */
  takenText?: string;
  sha256: string;
  source: ImageSource;
}

export interface ReportItem {
  id: string;
  prompt: string;
  references: string[];
  answer: string;
  tone: Tone;
  severity: Severity | null;
  zeroTolerance: boolean;
  note: string;
  photoIds: string[];
}

export interface ReportSection {
  id: string;
  title: string;
  percent: number | null;
  answered: number;
  total: number;
  nonCompliant: number;
  /** Items worth printing: findings, observations, good practice, anything with a note or photo. */
  items: ReportItem[];
  /** Notes written about the section as a whole. */
  notes: string[];
  /** Every item of the section, answered or not: the "what was checked" table. */
  checked: ReportCheckedRow[];
  /** Text answers, printed in full under the section. */
  texts: Array<{ prompt: string; text: string }>;
}

export interface ReportCheckedRow {
  prompt: string;
  answer: string;
  tone: Tone;
  /** A number with its unit, the options chosen, or the sample's result. */
  reading: string;
  note: string;
}

export interface ReportGoodPractice {
  sectionTitle: string;
  prompt: string;
  note: string;
  photoRefs: string[];
}

/** A consistency warning the auditor acknowledged instead of changing the record. */
export interface ReportAcknowledged {
  message: string;
  note: string;
}

export interface ReportDeclaration {
  credentials: string;
  independence: string;
  limitations: string;
  disclaimer: string;
  distribution: string[];
}

export interface ReportFinding {
  ref: string;
  itemId: string;
  sectionTitle: string;
  prompt: string;
  clauses: string[];
  severity: Severity | null;
  zeroTolerance: boolean;
  summary: string;
  note: string;
  evidence: string;
}

export interface ReportAction {
  findingRef: string;
  action: string;
  owner: string;
  dueDate: string;
  status: string;
  verification: string;
  /** The CAPR fields; labels already resolved (timescale with its severity default). */
  severity?: Severity | null;
  clauses?: string[];
  findingText?: string;
  objectiveEvidence?: string;
  rootCause?: string;
  preventiveAction?: string;
  timescale?: string;
  verificationMethod?: string;
  siteComments?: string;
  siteAcceptance?: string;
}

/** One computed table (wages or hours): cells already formatted as text. */
export interface AnalysisTable {
  title: string;
  /** What the rows were checked against, e.g. "Contracted ≤ 48 h, total ≤ 60 h". */
  basis: string;
  columns: Array<{ label: string; width: number; align?: 'left' | 'right' }>;
  rows: Array<{ cells: string[]; breach: boolean }>;
  summary: string;
}

export interface InterviewSummary {
  interviews: number;
  individual: number;
  group: number;
  withConsent: number;
  themes: Array<{ label: string; count: number }>;
  /** Only the passages the auditor chose to include, with the pseudonymous code (W-07), never a name. */
  excerpts: Array<{ text: string; code: string }>;
}

export interface DrawnSignature {
  name: string;
  title: string;
  signedAt: string;
  /** PNG bytes from the signature pad. */
  png: Uint8Array;
}

export interface ReportSignoff {
  auditor: DrawnSignature | null;
  siteRep: (DrawnSignature & { hasAuthority: boolean }) | null;
}

export interface ReportData {
  audit: {
    id: string;
    revision: number;
    status: 'draft' | 'in_progress' | 'finalized';
    type: AuditType;
    startDate: string;
    endDate: string;
    team: string[];
    leadAuditor: string;
    scope: string;
    finalizedAt: string | null;
    contentHash: string | null;
    timeOnSite: string;
    documentsReviewed: string[];
    sampleSizes: Array<{ label: string; value: string }>;
    /** The auditor's notes about the audit as a whole (opening meeting, method). */
    notes: string[];
  };
  site: {
    name: string;
    clients: string[];
    address: string;
    country: string;
    headcount: number | null;
    shifts: string;
  };
  template: { name: string; version: string };
  auditor: { name: string; organisation: string; email: string; auditorId: string };
  score: {
    percent: number | null;
    band: string;
    bandColor: string;
    zeroTolerance: boolean;
    counts: { critical: number; major: number; minor: number };
    answered: number;
    total: number;
    /** Under a rating scheme: the grade the areas give, what capped it, the alerts and how it was rated. */
    areaGrade?: string;
    caps?: string[];
    zeroToleranceAlerts?: Array<{ what: string; where: string }>;
    zeroToleranceNotice?: string;
    explanation?: string;
    severities?: { critical: string; major: string; minor: string };
  };
  sections: ReportSection[];
  findings: ReportFinding[];
  keyFindings: string[];
  analysis: AnalysisTable[];
  actions: ReportAction[];
  interviews: InterviewSummary | null;
  /** The site and workforce profile recorded for the audit, or null. */
  profile?: SiteProfile | null;
  goodPractices?: ReportGoodPractice[];
  declaration?: ReportDeclaration;
  acknowledged?: ReportAcknowledged[];
  /** A follow-up's own chapter (sections/followup.ts); absent for a full audit. */
  followUp?: FollowUpReport | null;
  signoff: ReportSignoff;
  photos: ReportPhoto[];
  generatedAt: string;
}

export interface RenderOptions {
  draft: boolean;
  /** The report's language (English by default); the data should be loaded in the same one. */
  language?: ReportLanguage;
  /** Adds the signature field (filled afterwards by fillSignature); never on a draft. */
  signature?: SignMeta;
  /** 0..1 while pages are laid out. */
  /** Each step named by a message (shared/locales/en/core.ts `progress.*`), said in the UI's language. */
  onProgress?: (fraction: number, message: Message) => void;
}

export interface RenderResult {
  pdf: Buffer;
  pages: number;
  /** Characters no embedded font could draw, and other things the reader should know. */
  warnings: string[];
  imageBytes: number;
  /** How far down each page its content reaches (points from the top). */
  pageFills?: number[];
  /** The chapter named in each page's running header. */
  runningHeaders?: string[];
}
