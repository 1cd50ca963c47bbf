import type { SystemInfo } from '../../../shared/api/contract';
import { api } from '../api';
import { useLoaded, type Loadable } from './useLoaded';

/** system.info for the shell; `reload` after a change it reports (the hall renamed in 系统设置). */
export function useSystemInfo(): [Loadable<SystemInfo>, () => void] {
  return useLoaded(() => api.system.info(), 'system.info');
}
