// The checklists HQ can name items from: the built-in templates, matched by
// content hash with the template an audit document names. An audit made with
// a template HQ does not know still reads; its items show by id only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { checkTemplate } from '../../template-file';
import type { Template } from '../../../../shared/template/schema';

export interface ItemInfo {
  sectionId: string;
  sectionTitle: string;
  prompt: string;
  /** The item's first reference, e.g. "ETI 6.1": the clause findings are counted under. */
  clause: string | null;
}

export interface TemplateCatalogue {
  /** Items of the template with this content hash, or null when HQ does not know it. */
  items(hash: string): Map<string, ItemInfo> | null;
  /** The whole template with this content hash (its translations too), or null. */
  template(hash: string): Template | null;
}

// Node's URL explicitly: where a DOM is loaded (the renderer's tests), the global URL is the DOM's.
const repoAssets = (): string => fileURLToPath(new NodeURL('../../../../assets/', import.meta.url));

function itemsOf(t: Template): Map<string, ItemInfo> {
  const out = new Map<string, ItemInfo>();
  for (const s of t.sections) {
    for (const item of s.items) {
      const ref = item.references[0];
      out.set(item.id, { sectionId: s.id, sectionTitle: s.title, prompt: item.prompt, clause: ref ? `${ref.standard} ${ref.clause}` : null });
    }
  }
  return out;
}

const catalogues = new Map<string, TemplateCatalogue>();

/** The built-in templates of an assets folder (the app's own by default), read once. */
export function builtInCatalogue(assetsDir: string = repoAssets()): TemplateCatalogue {
  const cached = catalogues.get(assetsDir);
  if (cached) return cached;
  const byHash = new Map<string, Map<string, ItemInfo>>();
  const templates = new Map<string, Template>();
  const dir = join(assetsDir, 'templates');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const v = checkTemplate(readFileSync(join(dir, f), 'utf8'));
      if (v.ok) {
        byHash.set(v.hash, itemsOf(v.template));
        templates.set(v.hash, v.template);
      }
    }
  }
  const catalogue: TemplateCatalogue = { items: (hash) => byHash.get(hash) ?? null, template: (hash) => templates.get(hash) ?? null };
  catalogues.set(assetsDir, catalogue);
  return catalogue;
}
