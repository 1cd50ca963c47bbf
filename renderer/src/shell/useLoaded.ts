import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../../shared/api/result';

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/**
 * Calls a read channel when `key` changes; `reload` asks again (after a change to what it reads), keeping the
 * current value on screen until the new one arrives.
 */
export function useLoaded<T>(read: () => Promise<Result<T>>, key: string): [Loadable<T>, () => void] {
  const [state, setState] = useState<Loadable<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    void read().then((result) => {
      if (!live) return;
      setState(result.ok ? { state: 'ready', value: result.value } : { state: 'error', message: result.error.message });
    });
    return () => {
      live = false;
    };
    // `read` is a fresh closure on every render; `key` says when what it reads has changed.
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [state, reload];
}
