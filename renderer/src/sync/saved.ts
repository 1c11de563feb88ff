// What to tell the person once a file is handed over (Save as…), in the UI language.
import type { TFunction } from 'i18next';
import type { SaveOutcome } from '../../../shared/contract/dialog-ops';

export function savedMessage(t: TFunction<'hq'>, r: SaveOutcome, what: 'bundle' | 'code'): string {
  if (r.outcome === 'saved') return t(`saved.${what}.saved`, { path: r.path });
  if (r.outcome === 'download') return t(`saved.${what}.download`, { name: r.fileName });
  return t(`saved.${what}.cancelled`);
}
