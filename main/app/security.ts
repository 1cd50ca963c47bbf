/**
 * Window hardening (Electron security checklist): the window may show only our own renderer, never navigate
 * elsewhere, never open new windows, and only our own frames may call the handler table.
 */
import { session, shell, type Session, type WebContents } from 'electron';
import { isHelpUrl } from '../security/trustedUrl';
import { isRecoveryUrl } from '../services/recovery/recoveryProtocol';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    // The recovery page brings its own, stricter policy, which lets its one form post to itself.
    if (isRecoveryUrl(details.url)) {
      callback({});
      return;
    }
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  denyAllPermissions(session.defaultSession);
}

/** No camera, microphone, notifications, geolocation, clipboard reads… a counter client needs none of them. */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
}

/** `isOwnPage` names the pages this window may show (the renderer bundle, or the recovery page). */
export function hardenWebContents(contents: WebContents, isOwnPage: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the public help pages open in the user's browser; nothing opens inside the app, and no other
    // URL reaches the OS (openExternal hands any scheme to its registered handler, ms-msdt: included).
    if (isHelpUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
