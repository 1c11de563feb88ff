// The follow-up's grade: the original audit's areas as the full audit graded
// them, the carried findings with their verification, and the follow-up's own
// findings, re-graded by the template's scheme (shared/domain/followup-grade.ts).
import type { Core } from '../core';
import { auditDetail } from '../store/repos/audits';
import { scoreOf } from '../store/repos/lifecycle';
import { loadTemplate } from '../store/repos/templates';
import { itemOutcome, sampleUnits } from '../../../shared/scoring';
import type { FindingContext } from '../../../shared/checks';
import type { Finding } from '../../../shared/domain/finding';
import { regradeFollowUp, type FollowUpGrade, type Verification } from '../../../shared/domain/followup-grade';

const COMPLIANT = new Set(['compliant', 'observation', 'good_practice']);

export interface Verified {
  finding: Finding;
  /** '' (not yet verified) counts as not closed. */
  verification: Verification | '';
}

export function followUpGrade(core: Core, originalId: string, carried: readonly Verified[], raised: readonly Finding[]): FollowUpGrade | null {
  const d = auditDetail(core, originalId);
  const t = loadTemplate(core, d.audit.templateId);
  const scheme = t.template.rating;
  if (!scheme) return null;
  const score = scoreOf(core, originalId);
  const byItem = new Map(d.responses.map((r) => [r.itemId, r]));
  const context: FindingContext = { hours: d.responses.flatMap((r) => (r.value?.kind === 'hours' ? r.value.rows : [])) };
  const units = (itemId: string): number => {
    const item = t.items.get(itemId)?.item;
    if (!item || scheme.samples !== 'worker') return 1;
    return sampleUnits(item, byItem.get(itemId), d.site, context)?.nonCompliant || 1;
  };
  const key = (itemId: string) => !!t.items.get(itemId)?.item.key;
  return regradeFollowUp(
    scheme,
    score.sections.map((s) => ({ sectionId: s.sectionId, title: s.title, compliant: s.compliant, nonCompliant: s.nonCompliant, grade: s.band?.band ?? null })),
    score.band.band === '–' ? null : score.band.band,
    carried.map(({ finding: f, verification }) => ({
      sectionId: f.sectionId, severity: f.severity, zeroTolerance: f.zeroTolerance, key: key(f.itemId), units: units(f.itemId),
      verification: verification || 'not_closed',
    })),
    raised.map((f) => {
      const item = t.items.get(f.itemId)?.item;
      const before = item ? itemOutcome(item, byItem.get(f.itemId), d.site, context) : 'unanswered';
      return { sectionId: f.sectionId, severity: f.severity, zeroTolerance: f.zeroTolerance, key: key(f.itemId), wasCompliant: COMPLIANT.has(before) };
    }),
  );
}
