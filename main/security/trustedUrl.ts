/**
 * URL checks of the Electron shell, kept free of electron so they run (and are tested) under plain Node.
 * main/app/security.ts applies them to navigation, redirects, IPC senders and links that open a browser.
 */

/**
 * True when `url` is a page of our own renderer bundle: same scheme, same host and same path. The host matters:
 * `file://evil.example/C:/…/index.html` has our path but is a UNC path on Windows (\\evil.example\…), a file
 * served by another machine.
 */
export function isTrustedUrl(url: string, rendererIndexUrl: string): boolean {
  const target = parseUrl(url);
  const own = parseUrl(rendererIndexUrl);
  if (!target || !own) return false;
  return target.protocol === own.protocol && target.host === own.host && target.pathname === own.pathname;
}

/**
 * The only sites a link in the app may open in the user's browser: public help pages. Exact host names, no
 * subdomain wildcard, so a look-alike host (www.95598.cn.evil.example) does not pass.
 */
export const HELP_HOSTS: readonly string[] = ['www.95598.cn', 'www.sgcc.com.cn'];

/** True when `url` is an https page on one of HELP_HOSTS, on the default port and without credentials. */
export function isHelpUrl(url: string): boolean {
  const target = parseUrl(url);
  if (!target) return false;
  return (
    target.protocol === 'https:' &&
    target.port === '' &&
    target.username === '' &&
    target.password === '' &&
    HELP_HOSTS.includes(target.hostname)
  );
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
