// Validation messages in the UI language: zod's built-in checks and the
// core's field errors by key and parameters (shared/zod-messages.ts), typed
// numbers by code (shared/locale-number.ts), a schema's own messages by
// their key (shared/schema-messages.ts).
import type { z } from 'zod';
import type { FieldError } from '../../../shared/errors';
import type { NumberProblem } from '../../../shared/locale-number';
import { issueMessage, type IssueMessage } from '../../../shared/zod-messages';
import { initI18n } from './index';
import { sayMessage } from './messages';

// Figures in the UI language's digits ("1.000.000" in Spanish); `count` stays a number for the plural.
function localParams(params: Record<string, number> | undefined, lang: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = k === 'count' ? v : new Intl.NumberFormat(lang).format(v);
  return out;
}

const say = (m: IssueMessage) => {
  const i18n = initI18n();
  return i18n.t(m.key, { ns: 'validation', ...localParams(m.params, i18n.language) });
};

/** zod's customError for the renderer: the same keys as the core, in the UI language. */
export function translatedIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const m = issueMessage(issue);
  return m ? say(m) : undefined;
}

/** The translator of shared/schema-messages.ts: a schema-own key in the UI language. */
export function schemaMessage(key: string, params: Record<string, number> | undefined): string {
  return say(params ? { key, params } : { key });
}

export function fieldMessage(f: FieldError): string {
  if (f.text) return sayMessage(f.text);
  return f.key ? say({ key: f.key, ...(f.params ? { params: f.params } : {}) }) : f.message;
}

export function numberMessage(p: NumberProblem): string {
  return initI18n().t(`number.${p.code}`, { ns: 'validation', ...p.params, defaultValue: p.message });
}
