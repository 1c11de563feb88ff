// What an item's current answer demands: whether it raises a finding (the
// shared rule the core also applies), and whether a severity or note is required.
import { itemFinding } from '../../../shared/checks';
import { severityChanged } from '../../../shared/scoring';
import type { Site } from '../../../shared/domain/site';
import type { HoursRow } from '../../../shared/domain/response';
import type { TemplateItem } from '../../../shared/template/schema';
import type { Draft } from './model';

export interface ItemDemands {
  isFinding: boolean;
  /** A computed breach (hours, wage, number) rather than the auditor's answer. */
  computed: boolean;
  severityRequired: boolean;
  noteRequired: boolean;
  evidenceRequired: boolean;
  /** The auditor chose a severity other than the template's default for the item. */
  severityChanged: boolean;
}

export function itemDemands(item: TemplateItem, draft: Draft, site: Site, hours?: readonly HoursRow[]): ItemDemands {
  const f = itemFinding(item, draft, site, { hours });
  const v = draft.value;
  // A computed breach explains itself and gets a default severity; the
  // template's rules apply to the auditor's own answers (as in scoring).
  const answer = v?.kind === 'compliance' ? v.answer : item.kind === 'choice' && f ? 'non_compliant' : null;
  const changed = f !== null && severityChanged(item, draft);
  return {
    isFinding: f !== null,
    computed: f?.source === 'check',
    severityRequired: answer !== null && item.rules.requireSeverityOn.includes(answer),
    noteRequired: (answer !== null && item.rules.requireNoteOn.includes(answer)) || changed,
    evidenceRequired: answer !== null && item.rules.requireEvidenceOn.includes(answer),
    severityChanged: changed,
  };
}

/**
 * A draft after a change, made consistent: a new finding starts at the
 * item's default severity, and the zero-tolerance flag goes when the answer
 * no longer raises a finding (the store applies the same rule).
 */
export function settleDraft(item: TemplateItem, draft: Draft, site: Site): Draft {
  const finding = itemFinding(item, draft, site) !== null;
  let d = draft;
  if (finding && d.severity === null && item.severity) d = { ...d, severity: item.severity };
  if (!finding && d.zeroTolerance) d = { ...d, zeroTolerance: false };
  return d;
}
