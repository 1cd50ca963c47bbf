import { describe, expect, it } from 'vitest';
import { isHelpUrl, isTrustedUrl } from '../../../main/security/trustedUrl';

const own = 'file:///opt/yekuo-desk/resources/app.asar/out/renderer/index.html';
const ownWindows = 'file:///C:/Program%20Files/yekuo-desk/resources/app.asar/out/renderer/index.html';

describe('isTrustedUrl', () => {
  it('accepts our own page, with a route in the hash or a query', () => {
    expect(isTrustedUrl(own, own)).toBe(true);
    expect(isTrustedUrl(`${own}#/query?stage=SURVEY`, own)).toBe(true);
    expect(isTrustedUrl(`${ownWindows}#/app/1`, ownWindows)).toBe(true);
  });

  it('refuses our path on another host: a UNC path on Windows', () => {
    expect(isTrustedUrl('file://evil.example/opt/yekuo-desk/resources/app.asar/out/renderer/index.html', own)).toBe(
      false,
    );
    expect(
      isTrustedUrl(
        'file://evil.example/C:/Program%20Files/yekuo-desk/resources/app.asar/out/renderer/index.html',
        ownWindows,
      ),
    ).toBe(false);
    // What Chromium makes of \\evil.example\share\… typed as a file URL.
    expect(new URL('file:////evil.example/share/index.html').pathname).not.toBe(new URL(own).pathname);
    expect(isTrustedUrl('file:////evil.example/share/index.html', own)).toBe(false);
  });

  it('refuses other files, other schemes and garbage', () => {
    expect(isTrustedUrl('file:///etc/passwd', own)).toBe(false);
    expect(isTrustedUrl(own.replace('file:', 'https:'), own)).toBe(false);
    expect(isTrustedUrl('https://evil.example/opt/yekuo-desk/resources/app.asar/out/renderer/index.html', own)).toBe(
      false,
    );
    expect(isTrustedUrl('', own)).toBe(false);
    expect(isTrustedUrl('not a url', own)).toBe(false);
    expect(isTrustedUrl(own, 'not a url')).toBe(false);
  });

  it('accepts the harness page on its own origin only', () => {
    const harness = 'http://127.0.0.1:41234/index.html';
    expect(isTrustedUrl('http://127.0.0.1:41234/index.html#/', harness)).toBe(true);
    expect(isTrustedUrl('http://127.0.0.1:41235/index.html', harness)).toBe(false);
    expect(isTrustedUrl('http://localhost:41234/index.html', harness)).toBe(false);
  });
});

describe('isHelpUrl', () => {
  it('accepts https pages on the help hosts', () => {
    expect(isHelpUrl('https://www.95598.cn/osgweb/index')).toBe(true);
    expect(isHelpUrl('https://www.sgcc.com.cn/')).toBe(true);
  });

  it('refuses any other https site, look-alikes, other schemes, ports and credentials', () => {
    for (const url of [
      'https://evil.example/',
      'https://www.95598.cn.evil.example/',
      'https://evil.example/?https://www.95598.cn/',
      'https://x.www.95598.cn/',
      'http://www.95598.cn/',
      'https://www.95598.cn:8443/',
      'https://user:pw@www.95598.cn/',
      'file://www.95598.cn/share',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      '',
    ]) {
      expect(isHelpUrl(url), url).toBe(false);
    }
  });
});
