import { createContext, useContext } from 'react';
import type { SystemInfo } from '../../../shared/api/contract';
import type { Role } from '../../../shared/domain/codes';

/** The signed-in user and the hall, loaded by the shell from system.info. */
export const SessionContext = createContext<SystemInfo | null>(null);

/** Reads system.info again: for screens that change what it reports (the hall's name). */
export const RefreshSessionContext = createContext<() => void>(() => undefined);

export function useSessionRole(): Role {
  return (useContext(SessionContext)?.user.role ?? 'clerk') as Role;
}

export function useRefreshSession(): () => void {
  return useContext(RefreshSessionContext);
}
