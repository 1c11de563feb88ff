// Template files come from outside (assets/ or an organisation's import), so
// every problem is reported at once, by path, before anything is stored.
import type { z } from 'zod';
import { formatPath, type FieldError } from '../errors';
import { msg } from '../messages';
import { coreEnglish, fieldText, issueField } from '../core-messages';
import { formatBytes } from '../format-bytes';
import { scanJson } from '../json-scan';
import { duplicateIds, Template } from './schema';
import { missingTranslations } from './translations';

/**
 * Failures list at most MAX_LISTED_ERRORS problems; `total` counts them all.
 * A hostile file can hold millions of problems, and a list that long helps
 * no one and can exhaust memory.
 */
export type TemplateValidation =
  | { ok: true; template: Template; /** Per translated language, the texts it lacks (shown in the template's language). */ missingTranslations: Record<string, string[]> }
  | { ok: false; errors: FieldError[]; total: number };

export const MAX_LISTED_ERRORS = 100;
/** The largest template text taken (the same cap as templates.import); real ones are well under 1 MB. */
export const MAX_TEMPLATE_CHARS = 5_000_000;
/** Templates nest about eight levels (sections, items, options, references); deeper is not a template. */
export const MAX_TEMPLATE_DEPTH = 32;

const failed = (errors: FieldError[], total = errors.length): TemplateValidation => ({ ok: false, errors: errors.slice(0, MAX_LISTED_ERRORS), total: Math.max(total, errors.length) });

export function validateTemplate(jsonText: string): TemplateValidation {
  // Editors on Windows often save a byte-order mark; it is not content.
  const text = jsonText.charCodeAt(0) === 0xfeff ? jsonText.slice(1) : jsonText;
  if (text.length > MAX_TEMPLATE_CHARS) {
    return failed([fieldText('(root)', msg('template.tooLarge', { size: formatBytes(text.length), max: formatBytes(MAX_TEMPLATE_CHARS), real: formatBytes(1e6) }))]);
  }
  if (text.trim() === '') return failed([fieldText('(root)', msg('template.empty'))]);
  const scan = scanJson(text, { maxDepth: MAX_TEMPLATE_DEPTH, maxDuplicates: MAX_LISTED_ERRORS });
  if (scan.error) {
    const { line, column, text: found } = scan.error;
    // The scanner's detail (what it found) and the place are parameters, so both read in the UI's language.
    const what = found.key === 'json.tooDeep' ? msg('template.tooDeep', { depth: MAX_TEMPLATE_DEPTH }) : msg('template.syntax', { error: found });
    const where = msg('template.at', { line, column });
    return failed([{ ...fieldText(coreEnglish(where), what), where }]);
  }
  const errors: FieldError[] = scan.duplicates.map((d) => fieldText(formatPath([...d.path, d.key]), msg('template.duplicateKey', { key: d.key })));
  // Past the listed ones, repeated keys are only counted.
  let uncounted = scan.duplicateCount - scan.duplicates.length;
  const raw: unknown = JSON.parse(text);
  const parsed = Template.safeParse(raw);
  if (parsed.success && errors.length === 0) {
    const t = parsed.data;
    const missing = Object.fromEntries(Object.keys(t.translations ?? {}).map((lang) => [lang, missingTranslations(t, lang)]));
    return { ok: true, template: t, missingTranslations: missing };
  }
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap(issueErrors);
    errors.push(...issues.slice(0, MAX_LISTED_ERRORS));
    uncounted += Math.max(0, issues.length - MAX_LISTED_ERRORS);
    // The schema's cross-item checks (duplicate ids) only run once the rest
    // is valid; run the id check here too so one pass lists everything.
    const listed = new Set(errors.map((x) => x.path));
    for (const d of duplicateIds(raw)) {
      const path = formatPath(d.path);
      if (!listed.has(path)) errors.push(fieldText(path, d.text));
    }
  }
  return failed(errors, errors.length + uncounted);
}

function issueErrors(issue: z.core.$ZodIssue): FieldError[] {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => fieldText(formatPath([...path, k]), msg('template.unknownField')));
  }
  if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
    const opts = (issue.options as unknown[]).map(String).join(', ');
    return [fieldText(formatPath(path), msg('template.oneOf', { options: opts }))];
  }
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return [fieldText(formatPath(path), msg('template.required', { type: issue.expected }))];
  }
  return [issueField(issue, formatPath(path))];
}
