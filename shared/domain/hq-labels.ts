// What HQ's screens name by the template an audit was made with: section
// titles, item prompts and choice option labels, in the language asked for
// where the template has it (its own language elsewhere).
import { z } from 'zod';

export const HqLabels = z.object({
  /** The languages the template(s) read could be shown in, the template's own first. */
  languages: z.array(z.string()),
  sections: z.record(z.string(), z.string()),
  items: z.record(z.string(), z.object({ prompt: z.string(), options: z.record(z.string(), z.string()) })),
});
export type HqLabels = z.infer<typeof HqLabels>;
