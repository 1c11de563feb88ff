import { useCallback } from 'react';
import type { Photo } from '../../../shared/domain/evidence';
import { useClient } from '../api/context';
import { useAsync } from '../app/useAsync';

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
  const [state, reload, update] = useAsync(() => client.call('evidence.list', { auditId }), auditId);
  const replace = useCallback((p: Photo) => update((list) => (list.some((x) => x.id === p.id) ? list.map((x) => (x.id === p.id ? p : x)) : [...list, p])), [update]);
  const remove = useCallback((id: string) => update((list) => list.filter((x) => x.id !== id)), [update]);
  return {
    photos: state.status === 'ready' ? state.value : null,
    error: state.status === 'error' ? state.error : null,
    reload, replace, remove,
  };
}
