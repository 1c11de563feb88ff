// New data at HQ on PostgreSQL: the screens read a copy of the server that
// is refreshed after imports and on a timer (another analyst's import lands
// there). When a refresh brought something new, the open screen reads its
// data again in place — its filters, page and scroll stay, nothing is
// remounted; when nothing changed nothing is read again.
import { createContext, useContext, useEffect, useRef } from 'react';

/** Counts the refreshes that brought new data since HQ mode opened. */
export const HqDataGeneration = createContext(0);

/** Calls `reload` (a screen's useAsync reload) each time the generation moves on; never on mount. */
export function useReloadOnNewData(reload: () => void): void {
  const generation = useContext(HqDataGeneration);
  const seen = useRef(generation);
  useEffect(() => {
    if (seen.current === generation) return;
    seen.current = generation;
    reload();
  }, [generation, reload]);
}

/**
 * Follows the data version the database status reports: true when it moved on
 * from one already seen (the first one seen is what the screens were read from).
 */
export function versionTracker(): (version: string | null | undefined) => boolean {
  let last: string | null | undefined;
  return (version) => {
    if (!version) return false;
    const moved = last !== undefined && last !== version;
    last = version;
    return moved;
  };
}
