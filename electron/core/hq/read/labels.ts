// hq.labels: the names HQ's screens show instead of stored ids and values
// (a section's title, an item's prompt, a choice option's label) from the
// template HQ holds for one audit, or for every current audit (the
// dashboard groups findings of all of them). Texts come in the language
// asked for where the template has that translation, in its own language
// elsewhere; a template HQ does not know names nothing, so ids still show.
import type { Db } from '../../store/db';
import type { HqLabels } from '../../../../shared/domain/hq-labels';
import { refusal } from '../../../../shared/core-messages';
import { msg } from '../../../../shared/messages';
import { localizeTemplate, templateLanguages } from '../../../../shared/template/translations';
import type { Template } from '../../../../shared/template/schema';
import { builtInCatalogue, type TemplateCatalogue } from './templates';

/** The translation key a template has for a UI language: "es-MX" falls back to "es". */
function languageIn(t: Template, lang: string): string {
  const have = templateLanguages(t);
  if (have.includes(lang)) return lang;
  const base = lang.split('-')[0]!;
  return have.find((l) => l === base) ?? have.find((l) => l.split('-')[0] === base) ?? t.language;
}

export function hqLabels(db: Db, input: { auditId?: string; language: string }, catalogue: TemplateCatalogue = builtInCatalogue()): HqLabels {
  let hashes: string[];
  if (input.auditId) {
    const row = db.prepare('SELECT template_hash FROM hq_audit WHERE audit_id = ?').get(input.auditId) as { template_hash: string } | undefined;
    if (!row) throw refusal('not_found', msg('hqRead.noAudit', { audit: input.auditId }));
    hashes = [row.template_hash];
  } else {
    // Newest template first: where two versions name a section differently, the newer name stands.
    hashes = (db.prepare('SELECT template_hash, MAX(start_date) AS newest FROM hq_audit WHERE superseded = 0 GROUP BY template_hash ORDER BY newest DESC, template_hash')
      .all() as Array<{ template_hash: string }>).map((r) => r.template_hash);
  }
  const out: HqLabels = { languages: [], sections: {}, items: {} };
  for (const hash of hashes) {
    const own = catalogue.template(hash);
    if (!own) continue;
    const t = localizeTemplate(own, languageIn(own, input.language));
    for (const l of templateLanguages(own)) if (!out.languages.includes(l)) out.languages.push(l);
    for (const s of t.sections) {
      out.sections[s.id] ??= s.title;
      for (const i of s.items) {
        out.items[i.id] ??= { prompt: i.prompt, options: i.kind === 'choice' ? Object.fromEntries(i.options.map((o) => [o.value, o.label])) : {} };
      }
    }
  }
  return out;
}
