// Corrective action plan (CAPR) vocabulary shared by the Findings screen and
// the report: timescales with their defaults by severity, verification
// methods and the site's acceptance.
//
// Default timescales: critical → immediate action, closed within 30 days;
// major → 60 days; minor → 90 days. These are the figures the product brief
// asks for. They are NOT confirmed from SMETA's own text: the SMETA Best
// Practice Guidance (which sets CAPR timescales per non-compliance) was not
// reachable from here. The only published figure found is amfori's advice
// that a follow-up audit take place two to three months after a full audit
// whose grade is below B (amfori BSCI FAQ, quoted at
// https://www.52by.com/article/192306), which matches 60 to 90 days for
// major and minor findings. The auditor changes the timescale per finding.
import type { Severity } from '../template/schema';

export const TIMESCALES = ['immediate', '30_days', '60_days', '90_days'] as const;
export type Timescale = (typeof TIMESCALES)[number];
export const TIMESCALE_LABELS: Record<Timescale, string> = {
  immediate: 'Immediate (within 30 days)',
  '30_days': '30 days',
  '60_days': '60 days',
  '90_days': '90 days',
};
export const TIMESCALE_DAYS: Record<Timescale, number> = { immediate: 30, '30_days': 30, '60_days': 60, '90_days': 90 };

export const DEFAULT_TIMESCALE: Record<Severity, Timescale> = { critical: 'immediate', major: '60_days', minor: '90_days' };

export function timescaleFor(chosen: '' | Timescale, severity: Severity | null): Timescale {
  return chosen || DEFAULT_TIMESCALE[severity ?? 'minor'];
}

export const VERIFICATION_METHODS = ['document', 'follow_up_visit', 'desk_review'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];
export const VERIFICATION_LABELS: Record<VerificationMethod, string> = {
  document: 'Documents sent by the site',
  follow_up_visit: 'Follow-up visit',
  desk_review: 'Desk review',
};

export const ACCEPTANCE = ['pending', 'accepted', 'disputed'] as const;
export type Acceptance = (typeof ACCEPTANCE)[number];
export const ACCEPTANCE_LABELS: Record<Acceptance, string> = {
  pending: 'Not yet answered',
  accepted: 'Accepted by the site',
  disputed: 'Disputed by the site',
};

/** The due date a timescale gives, counted in calendar days from the last audit day. */
export function dueDateFor(endDate: string, t: Timescale): string {
  const d = new Date(`${endDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + TIMESCALE_DAYS[t]);
  return d.toISOString().slice(0, 10);
}
