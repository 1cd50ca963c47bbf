/**
 * The desktop's recovery window is served by the yekuo-recovery: scheme, registered in main/app/main.ts with
 * Electron's protocol.handle. The handler here takes a fetch Request and gives a Response (Node has both), so
 * tests drive the whole recovery flow without Electron. No port is opened: the scheme exists only in the
 * app's own session, so no other program and no web page can reach it; the page's token is checked anyway.
 */
import type { RecoveryDesk } from './recoveryDesk';
import { RESTORE_PATH } from './recoveryDesk';

export const RECOVERY_SCHEME = 'yekuo-recovery';
export const RECOVERY_URL = `${RECOVERY_SCHEME}://recovery/`;

/** True for a page of the recovery window (the only place it may navigate to). */
export function isRecoveryUrl(url: string): boolean {
  try {
    return new URL(url).origin === new URL(RECOVERY_URL).origin;
  } catch {
    return false;
  }
}

function htmlResponse(status: number, html: string): Response {
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * The scheme's handler. After a successful restore, the outcome page's link (进入系统并登录, to `/`) calls
 * `onContinue` with what the restore gave: the shell then starts the app on the restored database.
 */
export function recoveryProtocolHandler<T>(
  desk: RecoveryDesk<T>,
  onContinue: (restored: T) => void,
): (request: Request) => Promise<Response> {
  let restored: { value: T } | undefined;
  let continued = false;
  return async (request) => {
    if (!isRecoveryUrl(request.url)) return htmlResponse(404, '');
    const { pathname } = new URL(request.url);
    if (request.method === 'POST' && pathname === RESTORE_PATH) {
      const answer = desk.restore(new URLSearchParams(await request.text()), true);
      if (answer.restored !== undefined) restored = { value: answer.restored };
      return htmlResponse(answer.status, answer.html);
    }
    if (restored && pathname === '/') {
      if (!continued) onContinue(restored.value);
      continued = true;
      return htmlResponse(200, '');
    }
    return htmlResponse(200, desk.page);
  };
}
