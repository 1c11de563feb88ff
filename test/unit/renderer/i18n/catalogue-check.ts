// The rules the catalogue test applies, kept apart so the test can prove
// each rule fails on a broken catalogue.
type Catalogues = Record<string, Record<string, Record<string, string>>>;

const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!);

export function catalogueProblems(resources: Catalogues, languages: readonly string[], source = 'en'): string[] {
  const out: string[] = [];
  const src = resources[source] ?? {};
  for (const lang of languages) {
    if (lang === source) continue;
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [ns, keys] of Object.entries(src)) {
      const tr = resources[lang]?.[ns];
      if (!tr) { out.push(`${lang}/${ns}: namespace is missing`); continue; }
      const bases = new Set<string>();
      for (const [key, text] of Object.entries(keys)) {
        const base = PLURAL.test(key) ? key.replace(PLURAL, '') : null;
        if (base !== null) { bases.add(base); continue; }
        const t = tr[key];
        if (t === undefined) { out.push(`${lang}/${ns}: "${key}" is missing`); continue; }
        for (const p of placeholders(text)) if (!placeholders(t).includes(p)) out.push(`${lang}/${ns}: "${key}" lacks {{${p}}}`);
      }
      for (const base of bases) {
        const other = keys[`${base}_other`] ?? '';
        for (const form of forms) {
          const t = tr[`${base}_${form}`];
          if (t === undefined) { out.push(`${lang}/${ns}: "${base}" lacks the plural form "${base}_${form}"`); continue; }
          // "one" may name its number in words ("un élément"); every other form keeps every placeholder.
          const need = placeholders(other).filter((p) => form !== 'one' || p !== 'count');
          for (const p of need) if (!placeholders(t).includes(p)) out.push(`${lang}/${ns}: "${base}_${form}" lacks {{${p}}}`);
        }
      }
      for (const [key, t] of Object.entries(tr)) {
        const base = key.replace(PLURAL, '');
        if (!(key in keys) && !(PLURAL.test(key) && bases.has(base))) out.push(`${lang}/${ns}: "${key}" is not in English`);
        else if (t.trim() === '') out.push(`${lang}/${ns}: "${key}" is empty`);
      }
    }
  }
  // The source language's own plural keys must be complete too.
  const enForms = new Intl.PluralRules(source).resolvedOptions().pluralCategories;
  for (const [ns, keys] of Object.entries(src)) {
    const bases = new Set(Object.keys(keys).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    for (const base of bases) for (const form of enForms) if (!(`${base}_${form}` in keys)) out.push(`${source}/${ns}: "${base}" lacks the plural form "${base}_${form}"`);
  }
  return out;
}
