// How the screens of one audit name checklist items and sections to a person:
// by number and prompt ("Item 2.2 Identity documents"), never by the
// template's internal ids. Provided once per audit screen.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Template } from '../../../shared/template/schema';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { initI18n } from '../i18n';

export interface ChecklistEntry {
  id: string;
  /** "2.2" */
  number: string;
  prompt: string;
  sectionTitle: string;
}

export interface ChecklistNames {
  items: readonly ChecklistEntry[];
  item(id: string): ChecklistEntry | undefined;
  /** "Item 2.2 Identity documents"; an id the template no longer holds is said so. */
  itemText(id: string): string;
  sectionText(id: string): string;
}

export function checklistNames(t: Template, say: TFunction = initI18n().getFixedT(null, 'app')): ChecklistNames {
  const items: ChecklistEntry[] = [];
  const sections = new Map<string, string>();
  t.sections.forEach((s, si) => {
    sections.set(s.id, say('checklist.section', { number: si + 1, title: s.title }));
    s.items.forEach((it, ii) => items.push({ id: it.id, number: `${si + 1}.${ii + 1}`, prompt: it.prompt, sectionTitle: s.title }));
  });
  const byId = new Map(items.map((e) => [e.id, e]));
  return {
    items,
    item: (id) => byId.get(id),
    itemText: (id) => {
      const e = byId.get(id);
      return e ? say('checklist.item', { number: e.number, prompt: e.prompt }) : say('checklist.itemGone');
    },
    sectionText: (id) => sections.get(id) ?? say('checklist.sectionGone'),
  };
}

const Ctx = createContext<ChecklistNames | null>(null);

export function ChecklistNamesProvider({ template, children }: { template: Template; children: ReactNode }) {
  const { t } = useTranslation('app');
  const value = useMemo(() => checklistNames(template, t), [template, t]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The names of the audit on screen, or null outside an audit. */
export function useChecklistNames(): ChecklistNames | null {
  return useContext(Ctx);
}

/** Whether an item matches what was typed in a picker: its number, or words of its prompt. */
export function matchesQuery(e: ChecklistEntry, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return e.number.startsWith(q) || `${e.number} ${e.prompt} ${e.sectionTitle}`.toLowerCase().includes(q);
}
