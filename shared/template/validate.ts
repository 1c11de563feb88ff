// Template files come from outside (assets/ or an organisation's import), so
// every problem is reported at once, by path, before anything is stored.
import type { z } from 'zod';
import { canonicalJson } from '../canonical-json';
import { formatPath, type FieldError } from '../errors';
import { scanJson } from '../json-scan';
import { sha256Hex } from '../sha256';
import { duplicateIds, Template } from './schema';

export type TemplateValidation = { ok: true; template: Template; hash: string } | { ok: false; errors: FieldError[] };

/** SHA-256 (hex) of the template's canonical JSON: equal content, equal hash, whatever the file's layout. */
export function templateHash(template: Template): string {
  return sha256Hex(canonicalJson(template));
}

export function validateTemplate(jsonText: string): TemplateValidation {
  // Editors on Windows often save a byte-order mark; it is not content.
  const text = jsonText.charCodeAt(0) === 0xfeff ? jsonText.slice(1) : jsonText;
  if (text.trim() === '') return { ok: false, errors: [{ path: '(root)', message: 'the file is empty' }] };
  const scan = scanJson(text);
  if (scan.error) {
    const { line, column, message } = scan.error;
    return { ok: false, errors: [{ path: `line ${line}, column ${column}`, message: `JSON syntax error: ${message}` }] };
  }
  const errors: FieldError[] = scan.duplicates.map((d) => ({
    path: formatPath([...d.path, d.key]),
    message: `the key "${d.key}" appears more than once in the same object`,
  }));
  const raw: unknown = JSON.parse(text);
  const parsed = Template.safeParse(raw);
  if (parsed.success && errors.length === 0) return { ok: true, template: parsed.data, hash: templateHash(parsed.data) };
  if (!parsed.success) {
    errors.push(...parsed.error.issues.flatMap(issueErrors));
    // The schema's cross-item checks (duplicate ids) only run once the rest
    // is valid; run the id check here too so one pass lists everything.
    for (const d of duplicateIds(raw)) {
      const path = formatPath(d.path);
      if (!errors.some((x) => x.path === path)) errors.push({ path, message: d.message });
    }
  }
  return { ok: false, errors };
}

function issueErrors(issue: z.core.$ZodIssue): FieldError[] {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({ path: formatPath([...path, k]), message: 'unknown field (check its spelling)' }));
  }
  if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
    const opts = (issue.options as unknown[]).map(String).join(', ');
    return [{ path: formatPath(path), message: `must be one of: ${opts}` }];
  }
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return [{ path: formatPath(path), message: `required (${issue.expected})` }];
  }
  return [{ path: formatPath(path), message: issue.message }];
}
