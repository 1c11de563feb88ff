// What a follow-up's report prints beyond an audit's usual chapters: each
// finding of the audit it follows, its action, the verification and its
// evidence, and the new grade beside the old. Built from the store by
// followup-load.ts; plain data, so the layout can be tested alone.
export interface FollowUpReportFinding {
  ref: string;
  sectionTitle: string;
  prompt: string;
  severity: 'critical' | 'major' | 'minor' | null;
  zeroTolerance: boolean;
  /** What the full audit found. */
  finding: string;
  actions: Array<{ action: string; owner: string; due: string; status: string; closureEvidence: string[] }>;
  verification: 'closed' | 'partially_closed' | 'not_closed' | '';
  verificationNote: string;
  evidence: string;
}

export interface FollowUpReport {
  mode: 'on_site' | 'desk_review';
  original: { id: string; revision: number; startDate: string; endDate: string; contentHash: string | null };
  gradeBefore: string | null;
  gradeAfter: string | null;
  gradeColor: string | null;
  areas: Array<{ title: string; reaudited: boolean; before: string | null; after: string | null; percentBefore: number | null; percentAfter: number | null }>;
  caps: string[];
  /** How the grade was recomputed, with the rule's source. */
  rule: string;
  findings: FollowUpReportFinding[];
  newFindings: Array<{ sectionTitle: string; prompt: string; severity: 'critical' | 'major' | 'minor' | null; zeroTolerance: boolean; note: string }>;
}
