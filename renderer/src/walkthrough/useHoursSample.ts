// Every hours row of the audit, for the wage items' overtime cross-check.
// The same array comes back while the hours answers are the same objects,
// so a keystroke elsewhere does not re-render the wage cards.
import { useRef } from 'react';
import type { HoursRow } from '../../../shared/domain/response';
import type { Draft } from './model';

export function useHoursSample(drafts: Record<string, Draft | undefined>): readonly HoursRow[] {
  const last = useRef<{ parts: HoursRow[][]; rows: HoursRow[] }>({ parts: [], rows: [] });
  const parts = Object.values(drafts).flatMap((d) => (d?.value?.kind === 'hours' ? [d.value.rows] : []));
  const prev = last.current;
  if (parts.length !== prev.parts.length || parts.some((p, i) => p !== prev.parts[i])) {
    last.current = { parts, rows: parts.flat() };
  }
  return last.current.rows;
}
