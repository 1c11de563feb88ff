// A template file as the core takes it: checked by shared/template/validate.ts
// and named by the SHA-256 of its canonical JSON (equal content, equal hash,
// whatever the file's layout), hashed by Node's crypto like every other hash.
import { canonicalJson } from '../../shared/canonical-json';
import type { Template } from '../../shared/template/schema';
import { validateTemplate, type TemplateValidation } from '../../shared/template/validate';
import { sha256Hex } from './sha256';

export type CheckedTemplate = (Extract<TemplateValidation, { ok: true }> & { hash: string }) | Extract<TemplateValidation, { ok: false }>;

export function templateHash(template: Template): string {
  return sha256Hex(canonicalJson(template));
}

export function checkTemplate(jsonText: string): CheckedTemplate {
  const v = validateTemplate(jsonText);
  return v.ok ? { ...v, hash: templateHash(v.template) } : v;
}
