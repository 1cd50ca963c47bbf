import { createContext, useContext } from 'react';
import type { SystemInfo } from '../../../shared/api/contract';
import type { Role } from '../../../shared/domain/codes';

/** The signed-in user and the hall, loaded once by the shell from system.info. */
export const SessionContext = createContext<SystemInfo | null>(null);

export function useSessionRole(): Role {
  return (useContext(SessionContext)?.user.role ?? 'clerk') as Role;
}
