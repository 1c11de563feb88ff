// The walkthrough's working state: one draft per item, what counts as
// answered, and per-section progress.
import type { Response, ResponseValue } from '../../../shared/domain/response';
import type { Finding } from '../../../shared/domain/finding';
import type { ComplianceAnswer, Severity, Template, TemplateItem, TemplateSection } from '../../../shared/template/schema';

export interface Draft {
  value: ResponseValue | null;
  note: string;
  severity: Severity | null;
  zeroTolerance: boolean;
}

export type Drafts = Readonly<Record<string, Draft>>;

export const EMPTY_DRAFT: Draft = Object.freeze({ value: null, note: '', severity: null, zeroTolerance: false });

export function draftsFrom(responses: ReadonlyArray<Pick<Response, 'itemId' | 'value' | 'note' | 'severity' | 'zeroTolerance'>>): Record<string, Draft> {
  const out: Record<string, Draft> = {};
  for (const r of responses) out[r.itemId] = { value: r.value, note: r.note, severity: r.severity, zeroTolerance: r.zeroTolerance };
  return out;
}

export function isAnswered(d: Draft | undefined): boolean {
  const v = d?.value;
  if (!v) return false;
  switch (v.kind) {
    case 'hours':
    case 'wage': return v.rows.length > 0;
    case 'choice': return v.selected.length > 0;
    case 'text': return v.text.trim().length > 0;
    default: return true;
  }
}

export const ANSWERS: ReadonlyArray<{ value: ComplianceAnswer; label: string; key: string }> = [
  { value: 'compliant', label: 'Compliant', key: '1' },
  { value: 'non_compliant', label: 'Non-compliant', key: '2' },
  { value: 'not_applicable', label: 'Not applicable', key: '3' },
  { value: 'observation', label: 'Observation', key: '4' },
  { value: 'good_practice', label: 'Good practice', key: '5' },
];

export const ANSWER_LABEL = Object.fromEntries(ANSWERS.map((a) => [a.value, a.label])) as Record<ComplianceAnswer, string>;

export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', major: 'Major', minor: 'Minor' };

export function answerOf(d: Draft | undefined): ComplianceAnswer | null {
  return d?.value?.kind === 'compliance' ? d.value.answer : null;
}

export interface SectionStats { answered: number; total: number; findings: number }

export function sectionStats(section: TemplateSection, drafts: Drafts, findingItems: ReadonlySet<string>): SectionStats {
  let answered = 0;
  let findings = 0;
  for (const it of section.items) {
    if (isAnswered(drafts[it.id])) answered++;
    if (findingItems.has(it.id)) findings++;
  }
  return { answered, total: section.items.length, findings };
}

export type ItemFilter = 'all' | 'unanswered' | 'findings';

export function matchesFilter(item: TemplateItem, filter: ItemFilter, drafts: Drafts, findingItems: ReadonlySet<string>): boolean {
  if (filter === 'unanswered') return !isAnswered(drafts[item.id]);
  if (filter === 'findings') return findingItems.has(item.id);
  return true;
}

export interface ItemIndex {
  flat: Array<{ section: TemplateSection; item: TemplateItem; number: string }>;
  byId: Map<string, { section: TemplateSection; item: TemplateItem; number: string; index: number }>;
}

export function indexTemplate(t: Template): ItemIndex {
  const flat: ItemIndex['flat'] = [];
  const byId: ItemIndex['byId'] = new Map();
  t.sections.forEach((section, si) => {
    section.items.forEach((item, ii) => {
      const number = `${si + 1}.${ii + 1}`;
      byId.set(item.id, { section, item, number, index: flat.length });
      flat.push({ section, item, number });
    });
  });
  return { flat, byId };
}

export function findingItemSet(findings: readonly Finding[]): Set<string> {
  return new Set(findings.map((f) => f.itemId));
}
