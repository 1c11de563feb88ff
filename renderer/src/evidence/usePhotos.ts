import { useCallback, useEffect, useState } from 'react';
import type { Photo } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';

export interface PhotosState {
  photos: Photo[] | null;
  error: unknown;
  reload(): void;
  replace(p: Photo): void;
  remove(id: string): void;
}

/** The audit's photos, kept in step with what this screen changes. */
export function usePhotos(auditId: string): PhotosState {
  const client = useClient();
  const [photos, setPhotos] = useState<Photo[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    client.call('evidence.list', { auditId }).then(
      (list) => { if (live) { setPhotos(list); setError(null); } },
      (err: unknown) => { if (live) setError(err); },
    );
    return () => { live = false; };
  }, [client, auditId, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const replace = useCallback((p: Photo) => setPhotos((list) => {
    const rest = (list ?? []).filter((x) => x.id !== p.id);
    return list?.some((x) => x.id === p.id) ? (list ?? []).map((x) => (x.id === p.id ? p : x)) : [...rest, p];
  }), []);
  const remove = useCallback((id: string) => setPhotos((list) => (list ?? []).filter((x) => x.id !== id)), []);
  return { photos, error, reload, replace, remove };
}
