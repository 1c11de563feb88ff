// Every hours row of the audit, for the wage items' overtime cross-check.
// The same array comes back while the hours answers are the same objects,
// so a keystroke elsewhere does not re-render the wage cards.
import { useState } from 'react';
import type { HoursRow } from '../../../shared/domain/response';
import type { Draft } from './model';

interface Sample { parts: HoursRow[][]; rows: HoursRow[] }

export function useHoursSample(drafts: Record<string, Draft | undefined>): readonly HoursRow[] {
  const parts = Object.values(drafts).flatMap((d) => (d?.value?.kind === 'hours' ? [d.value.rows] : []));
  const [sample, setSample] = useState<Sample>(() => ({ parts, rows: parts.flat() }));
  if (parts.length !== sample.parts.length || parts.some((p, i) => p !== sample.parts[i])) {
    const next = { parts, rows: parts.flat() };
    setSample(next);
    return next.rows;
  }
  return sample.rows;
}
