import { useEffect, useState } from 'react';
import type { SystemInfo } from '../../../shared/api/contract';
import { api } from '../api';

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

export function useSystemInfo(): Loadable<SystemInfo> {
  const [info, setInfo] = useState<Loadable<SystemInfo>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void api.system.info().then((result) => {
      if (!live) return;
      setInfo(result.ok ? { state: 'ready', value: result.value } : { state: 'error', message: result.error.message });
    });
    return () => {
      live = false;
    };
  }, []);
  return info;
}
