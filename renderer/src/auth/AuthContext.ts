import { createContext, useContext } from 'react';
import type { SignedInUser } from '../../../shared/api/auth';

/** The sign-in gate's actions for the shell: 锁屏 and 换班. The session itself stays in the main process. */
export interface AuthActions {
  user: SignedInUser;
  lock(): void;
  signOut(): void;
}

export const AuthContext = createContext<AuthActions | null>(null);

export const useAuth = (): AuthActions | null => useContext(AuthContext);
