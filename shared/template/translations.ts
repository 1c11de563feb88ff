// Translations of a template's human texts, keyed by language and by the ids
// of sections, items and options — beside the template's own texts, so a
// template without translations is exactly what it was, and clause
// references, ids, rules and figures cannot be translated (they are not here).
// A text missing in a language falls back to the template's own language.
import { z } from 'zod';
import { msg, type Message } from '../messages';
import { coreEnglish } from '../core-messages';

export const TemplateLanguage = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'use a language code such as "es" or "fr-CA"');
const text = (max: number) => z.string().trim().min(1).max(max);

export const ItemTranslation = z.strictObject({
  prompt: text(500).optional(),
  guidance: text(4000).optional(),
  /** The item's evidence list, in the same order and number. */
  evidence: z.array(text(300)).max(30).optional(),
  /** Choice option labels by option value. */
  options: z.record(z.string(), text(200)).optional(),
});

export const SectionTranslation = z.strictObject({
  title: text(200).optional(),
  description: text(2000).optional(),
  items: z.record(z.string(), ItemTranslation).optional(),
});

export const TemplateTranslation = z.strictObject({
  name: text(200).optional(),
  description: text(4000).optional(),
  severities: z.strictObject({ critical: text(1000).optional(), major: text(1000).optional(), minor: text(1000).optional() }).optional(),
  sections: z.record(z.string(), SectionTranslation).optional(),
});
export type TemplateTranslation = z.infer<typeof TemplateTranslation>;

export const Translations = z.record(TemplateLanguage, TemplateTranslation);
export type Translations = z.infer<typeof Translations>;

/** The texts of a template that a translation can replace (what this file needs of the schema's Template). */
interface Translatable {
  language: string;
  name: string;
  description?: string;
  severities?: { critical: string; major: string; minor: string };
  sections: Array<{
    id: string;
    title: string;
    description?: string;
    items: Array<{ id: string; prompt: string; guidance: string; evidence: string[]; options?: Array<{ value: string; label: string }> }>;
  }>;
  translations?: Translations;
}

type Issue = { path: Array<string | number>; message: string; text: Message };
const issue = (path: Array<string | number>, text: Message): Issue => ({ path, message: coreEnglish(text), text });

/** Translations that name what the template does not have, or repeat its own language. */
export function translationIssues(t: Translatable): Issue[] {
  const out: Issue[] = [];
  const sections = new Map(t.sections.map((s) => [s.id, s]));
  for (const [lang, tr] of Object.entries(t.translations ?? {})) {
    const at = (...p: Array<string | number>) => ['translations', lang, ...p];
    if (lang === t.language) out.push(issue(at(), msg('template.ownLanguage', { lang })));
    for (const [sid, st] of Object.entries(tr.sections ?? {})) {
      const s = sections.get(sid);
      if (!s) {
        out.push(issue(at('sections', sid), msg('template.noSection', { section: sid })));
        continue;
      }
      const items = new Map(s.items.map((i) => [i.id, i]));
      for (const [iid, it] of Object.entries(st.items ?? {})) {
        const item = items.get(iid);
        if (!item) {
          out.push(issue(at('sections', sid, 'items', iid), msg('template.noItem', { section: sid, item: iid })));
          continue;
        }
        if (it.evidence && it.evidence.length !== item.evidence.length) {
          out.push(issue(at('sections', sid, 'items', iid, 'evidence'), msg('template.evidenceLines', { count: item.evidence.length, given: it.evidence.length })));
        }
        const values = new Set((item.options ?? []).map((o) => o.value));
        for (const v of Object.keys(it.options ?? {})) {
          if (!values.has(v)) out.push(issue(at('sections', sid, 'items', iid, 'options', v), msg('template.noOption', { item: iid, option: v })));
        }
      }
    }
  }
  return out;
}

/** The languages a template can be shown in: its own first, then those it has translations for. */
export function templateLanguages(t: Translatable): string[] {
  return [t.language, ...Object.keys(t.translations ?? {}).filter((l) => l !== t.language)];
}

/** Every text a language lacks (shown in the template's language instead), as paths under translations.<lang>. */
export function missingTranslations(t: Translatable, lang: string): string[] {
  const tr = t.translations?.[lang];
  const out: string[] = [];
  const miss = (cond: unknown, path: string) => {
    if (!cond) out.push(`translations.${lang}.${path}`);
  };
  miss(tr?.name, 'name');
  if (t.description) miss(tr?.description, 'description');
  if (t.severities) for (const k of ['critical', 'major', 'minor'] as const) miss(tr?.severities?.[k], `severities.${k}`);
  for (const s of t.sections) {
    const st = tr?.sections?.[s.id];
    miss(st?.title, `sections.${s.id}.title`);
    if (s.description) miss(st?.description, `sections.${s.id}.description`);
    for (const i of s.items) {
      const it = st?.items?.[i.id];
      const p = `sections.${s.id}.items.${i.id}`;
      miss(it?.prompt, `${p}.prompt`);
      miss(it?.guidance, `${p}.guidance`);
      miss(it?.evidence, `${p}.evidence`);
      for (const o of i.options ?? []) miss(it?.options?.[o.value], `${p}.options.${o.value}`);
    }
  }
  return out;
}

/** The template with its texts in `lang` where translated, its own elsewhere. */
export function localizeTemplate<T extends Translatable>(t: T, lang: string): T {
  const tr = t.translations?.[lang];
  if (!tr || lang === t.language) return t;
  return {
    ...t,
    name: tr.name ?? t.name,
    description: tr.description ?? t.description,
    severities: t.severities && { critical: tr.severities?.critical ?? t.severities.critical, major: tr.severities?.major ?? t.severities.major, minor: tr.severities?.minor ?? t.severities.minor },
    sections: t.sections.map((s) => {
      const st = tr.sections?.[s.id];
      if (!st) return s;
      return {
        ...s,
        title: st.title ?? s.title,
        description: st.description ?? s.description,
        items: s.items.map((i) => {
          const it = st.items?.[i.id];
          if (!it) return i;
          return {
            ...i,
            prompt: it.prompt ?? i.prompt,
            guidance: it.guidance ?? i.guidance,
            evidence: it.evidence ?? i.evidence,
            ...(i.options ? { options: i.options.map((o) => ({ ...o, label: it.options?.[o.value] ?? o.label })) } : {}),
          };
        }),
      };
    }),
  };
}
