/**
 * Window hardening (Electron security checklist): the window may show only our own renderer, never navigate
 * elsewhere, never open new windows, and only our own frames may call the handler table.
 */
import { session, shell, type WebContents } from 'electron';

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

/** True when `url` is a page of our own renderer bundle. */
export function isTrustedUrl(url: string, rendererIndexUrl: string): boolean {
  try {
    const target = new URL(url);
    const own = new URL(rendererIndexUrl);
    return target.protocol === own.protocol && target.pathname === own.pathname;
  } catch {
    return false;
  }
}

export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  // No camera, microphone, notifications, geolocation… a counter client needs none of them.
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
}

export function hardenWebContents(contents: WebContents, rendererIndexUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, rendererIndexUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url, rendererIndexUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // Links to public help pages open in the user's browser; nothing opens inside the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
