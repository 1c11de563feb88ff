import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Finding } from '../../../shared/domain/finding';
import { useClient } from '../api/context';
import { SaveQueue, trackFlush, type SaveOutput } from './saveQueue';
import { localStash } from './unsavedStash';

/** One autosave queue per audit screen; findings follow what the core returns. */
export function useSaveQueue(auditId: string, onSaved: (out: SaveOutput) => void) {
  const client = useClient();
  const [queue] = useState(() => new SaveQueue({ send: (input) => client.call('responses.save', input), stash: localStash(auditId) }));
  useEffect(() => { queue.setOnSaved(onSaved); });
  const status = useSyncExternalStore(
    (cb) => queue.subscribe(cb),
    () => queue.status(),
  );
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => { if (queue.hasUnsaved()) e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      trackFlush(queue.flushAll());
    };
  }, [queue]);
  return { queue, status };
}

export function mergeFinding(findings: Finding[], itemId: string, f: Finding | null): Finding[] {
  const rest = findings.filter((x) => x.itemId !== itemId);
  return f ? [...rest, f] : rest;
}
