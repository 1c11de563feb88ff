import { useCallback, useEffect, useRef, useState } from 'react';
import type { Taken } from '../../../shared/contract/client';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; value: T };

const stateOf = <T>(r: Taken<T> | undefined): AsyncState<T> =>
  !r ? { status: 'loading' } : r.ok ? { status: 'ready', value: r.value } : { status: 'error', error: r.error };

/**
 * Runs `load` when `key` changes; `reload` runs it again; `update` changes the
 * loaded value in place (what the screen itself just saved or deleted).
 * Stale answers are dropped: an answer for an earlier key never shows.
 * `first`, asked once on mount, is a reply already here (client.taken): the
 * first render shows it and the first load is not made.
 */
export function useAsync<T>(load: () => Promise<T>, key: string, first?: () => Taken<T> | undefined): [AsyncState<T>, () => void, (change: (value: T) => T) => void] {
  const [state, setState] = useState<AsyncState<T>>(() => stateOf(first?.()));
  const given = useRef(state.status !== 'loading');
  const [tick, setTick] = useState(0);
  const [loadedKey, setLoadedKey] = useState(key);
  if (loadedKey !== key) {
    setLoadedKey(key);
    setState({ status: 'loading' });
  }
  useEffect(() => {
    if (given.current) {
      given.current = false;
      return;
    }
    let live = true;
    load().then(
      (value) => { if (live) setState({ status: 'ready', value }); },
      (error: unknown) => { if (live) setState({ status: 'error', error }); },
    );
    return () => { live = false; };
    // `load` is a fresh closure each render; `key` says when it means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const update = useCallback((change: (value: T) => T) => setState((s) => (s.status === 'ready' ? { status: 'ready', value: change(s.value) } : s)), []);
  return [state, reload, update];
}
