// Validation messages in the UI language: zod's built-in checks and the
// core's field errors by key and parameters (shared/zod-messages.ts), typed
// numbers by code (shared/locale-number.ts). A schema's own message (a
// custom refinement) has no key and is shown as the core wrote it.
import type { z } from 'zod';
import type { FieldError } from '../../../shared/errors';
import type { NumberProblem } from '../../../shared/locale-number';
import { issueMessage, type IssueMessage } from '../../../shared/zod-messages';
import { initI18n } from './index';

const say = (m: IssueMessage) => initI18n().t(m.key, { ns: 'validation', ...m.params });

/** zod's customError for the renderer: the same keys as the core, in the UI language. */
export function translatedIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const m = issueMessage(issue);
  return m ? say(m) : undefined;
}

export function fieldMessage(f: FieldError): string {
  return f.key ? say({ key: f.key, ...(f.params ? { params: f.params } : {}) }) : f.message;
}

export function numberMessage(p: NumberProblem): string {
  return initI18n().t(`number.${p.code}`, { ns: 'validation', ...p.params, defaultValue: p.message });
}
