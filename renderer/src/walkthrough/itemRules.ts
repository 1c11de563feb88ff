// What an item's current answer demands: whether it is a finding, and whether
// a severity or a note is required (the template's rules).
import type { Site } from '../../../shared/domain/site';
import type { TemplateItem } from '../../../shared/template/schema';
import type { Draft } from './model';
import { hoursRowVerdict, numberVerdict, wageRowVerdict } from './verdicts';

export interface ItemDemands {
  isFinding: boolean;
  severityRequired: boolean;
  noteRequired: boolean;
}

export function itemDemands(item: TemplateItem, draft: Draft, site: Site): ItemDemands {
  const v = draft.value;
  if (item.kind === 'compliance') {
    const a = v?.kind === 'compliance' ? v.answer : null;
    if (!a) return { isFinding: false, severityRequired: false, noteRequired: false };
    return {
      isFinding: a === 'non_compliant',
      severityRequired: item.rules.requireSeverityOn.includes(a),
      noteRequired: item.rules.requireNoteOn.includes(a),
    };
  }
  let breach = false;
  if (item.kind === 'hours' && v?.kind === 'hours') breach = v.rows.some((r) => hoursRowVerdict(r, item.limits).level === 'fail');
  else if (item.kind === 'wage' && v?.kind === 'wage') breach = v.rows.some((r) => wageRowVerdict(r, site).level === 'fail');
  else if (item.kind === 'number' && v?.kind === 'number') breach = numberVerdict(v.value, item.thresholds).level === 'fail';
  else if (item.kind === 'choice' && v?.kind === 'choice') breach = item.options.some((o) => o.finding && v.selected.includes(o.value));
  const nc = item.rules;
  return {
    isFinding: breach,
    severityRequired: breach && nc.requireSeverityOn.includes('non_compliant'),
    noteRequired: breach && nc.requireNoteOn.includes('non_compliant'),
  };
}
