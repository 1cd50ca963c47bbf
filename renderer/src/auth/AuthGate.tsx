import { Alert, Spin } from 'antd';
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { api, SESSION_LOST_EVENT } from '../api';
import { useLoaded } from '../shell/useLoaded';
import { AuthContext } from './AuthContext';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { FirstRunWizard } from './FirstRunWizard';
import { LockScreen } from './LockScreen';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { SignInScreen } from './SignInScreen';
import { useIdleLock } from './useIdleLock';

/**
 * Decides what the window shows from auth.status, which the main process answers from the session it holds:
 * the first-run wizard, the sign-in screen, the forced password change, or the shell (with the lock screen over
 * it when locked, so the shell and its open forms stay mounted).
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const [status, reload] = useLoaded(() => api.auth.status(), 'auth.status');
  useEffect(() => {
    window.addEventListener(SESSION_LOST_EVENT, reload);
    return () => window.removeEventListener(SESSION_LOST_EVENT, reload);
  }, [reload]);
  const signOut = useCallback(() => void api.auth.signOut().then(reload), [reload]);
  const lock = useCallback(() => void api.auth.lock().then(reload), [reload]);
  const ready = status.state === 'ready' ? status.value : null;
  const user = ready?.user ?? null;
  useIdleLock(ready?.idleLockMinutes ?? 10, Boolean(user && !user.locked && !user.mustChangePassword), lock);
  const actions = useMemo(() => (user ? { user, lock, signOut } : null), [user, lock, signOut]);

  if (status.state === 'loading') {
    return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} aria-label="正在连接本机服务" />;
  }
  if (status.state === 'error') {
    return <Alert type="error" showIcon title="无法连接本机服务" description={status.message} style={{ margin: 48 }} />;
  }
  const { hasUsers, hall, readOnly } = status.value;
  let screen: ReactNode;
  if (!hasUsers) screen = <FirstRunWizard hall={hall} onDone={reload} />;
  else if (!user || !actions) screen = <SignInScreen hallName={hall?.name ?? null} onSignedIn={reload} />;
  else if (user.mustChangePassword) {
    screen = <ChangePasswordScreen user={user} onChanged={reload} onSignOut={signOut} />;
  } else {
    screen = (
      <AuthContext.Provider value={actions}>
        {children}
        {user.locked && <LockScreen user={user} onUnlocked={reload} onSignOut={signOut} />}
      </AuthContext.Provider>
    );
  }
  return (
    <>
      {readOnly && <ReadOnlyBanner />}
      {screen}
    </>
  );
}
