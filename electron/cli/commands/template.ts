import { readFileSync, statSync } from 'node:fs';
import { MAX_TEMPLATE_CHARS } from '../../../shared/template/validate';
import { checkTemplate } from '../../core/template-file';
import { formatBytes } from '../../../shared/format-bytes';
import type { Command } from './types';

export const templateValidate: Command = {
  words: ['template', 'validate'],
  summary: 'Check a template file; lists every problem by its path',
  options: {},
  positionals: { names: ['FILE'], min: 1, max: 1 },
  async run(args, io) {
    const file = args.positionals[0]!;
    let text: string;
    try {
      // A file far past the cap is refused from its size alone, before it is read into memory.
      const size = statSync(file).size;
      if (size > MAX_TEMPLATE_CHARS * 4) {
        io.err(`${file}: 1 problem\n  (root): the file is ${formatBytes(size)}, more than the ${formatBytes(MAX_TEMPLATE_CHARS)} a template may be`);
        return 1;
      }
      text = readFileSync(file, 'utf8');
    } catch (err) {
      io.err(`Cannot read ${file}: ${(err as Error).message}`);
      return 2;
    }
    const v = checkTemplate(text);
    if (v.ok) {
      const items = v.template.sections.reduce((n, s) => n + s.items.length, 0);
      io.out(`${file}: valid — "${v.template.name}" ${v.template.version}, ${v.template.sections.length} sections, ${items} items, sha256 ${v.hash}`);
      return 0;
    }
    io.err(`${file}: ${v.total} problem${v.total === 1 ? '' : 's'}${v.total > v.errors.length ? ` (the first ${v.errors.length} are listed)` : ''}`);
    for (const e of v.errors) io.err(`  ${e.path}: ${e.message}`);
    return 1;
  },
};
