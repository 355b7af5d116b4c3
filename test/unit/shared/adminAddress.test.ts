// @vitest-environment node
/** The admin address: what is refused and why, and the patterns and origin checks built from it. */
import { describe, expect, it } from 'vitest';
import { checkAdminUrl, isCoveredByPatterns, matchPatternsCarryPorts, originPattern, parseAdminUrl, sameOrigin } from '../../../src/shared/adminAddress';

const problem = (raw: string) => {
  const check = checkAdminUrl(raw);
  return check.ok ? 'ok' : check.problem;
};

describe('checkAdminUrl', () => {
  it('accepts https anywhere and http on this machine only', () => {
    expect(problem('https://admin.flickrocket.com/')).toBe('ok');
    expect(problem(' https://admin.example.org:8443/cms/ ')).toBe('ok');
    expect(problem('http://127.0.0.1:8787/')).toBe('ok');
    expect(problem('http://localhost:3000/')).toBe('ok');
    expect(problem('http://LOCALHOST/')).toBe('ok');
    expect(problem('http://[::1]:8080/')).toBe('ok');
  });

  it('refuses plain http on any other host, look-alikes of loopback included', () => {
    expect(problem('http://admin.flickrocket.com/')).toBe('insecure');
    expect(problem('http://admin.example.org:8080/')).toBe('insecure');
    expect(problem('http://localhost.example.org/')).toBe('insecure');
    expect(problem('http://127.0.0.1.nip.io/')).toBe('insecure');
    expect(problem('http://10.0.0.5/')).toBe('insecure');
    expect(problem('http://[::2]/')).toBe('insecure');
  });

  it('refuses a wildcard host, also percent-encoded', () => {
    expect(problem('https://*.example.org/')).toBe('wildcard');
    expect(problem('https://*/')).toBe('wildcard');
    expect(problem('https://%2A.example.org/')).toBe('wildcard');
    expect(problem('http://*/')).toBe('wildcard');
    // Chromium's URL writes a `*` in a host as %2A (test/e2e/options.test.ts types one there).
    expect(problem('https://%2a.example.org/')).toBe('wildcard');
  });

  it('refuses what is no http(s) address, and credentials', () => {
    expect(problem('admin.example.org')).toBe('not-url');
    expect(problem('')).toBe('not-url');
    expect(problem('javascript:alert(1)')).toBe('scheme');
    expect(problem('ftp://admin.example.org/')).toBe('scheme');
    expect(problem('file:///etc/passwd')).toBe('scheme');
    expect(problem('https://me:secret@admin.example.org/')).toBe('credentials');
    expect(problem('https://me@admin.example.org/')).toBe('credentials');
  });

  it('parseAdminUrl gives the URL or null', () => {
    expect(parseAdminUrl('https://admin.example.org:8443/x')?.origin).toBe('https://admin.example.org:8443');
    expect(parseAdminUrl('http://admin.example.org/')).toBeNull();
  });
});

describe('patterns and origins keep the port', () => {
  it('originPattern carries a non-default port (Chromium), or none when asked (Firefox)', () => {
    expect(originPattern(new URL('https://admin.example.org:8443/cms/'))).toBe('https://admin.example.org:8443/*');
    expect(originPattern(new URL('https://admin.example.org:443/cms/'))).toBe('https://admin.example.org/*');
    expect(originPattern(new URL('http://[::1]:8080/'))).toBe('http://[::1]:8080/*');
    expect(originPattern(new URL('https://admin.example.org:8443/cms/'), { withPort: false })).toBe('https://admin.example.org/*');
    expect(originPattern(new URL('http://[::1]:8080/'), { withPort: false })).toBe('http://[::1]/*');
  });

  it('knows which browser takes ports in patterns', () => {
    expect(matchPatternsCarryPorts('chrome-extension://abc/')).toBe(true);
    expect(matchPatternsCarryPorts('moz-extension://0b1c-uuid/')).toBe(false);
  });

  it('a pattern with a port covers that port only; one without covers every port', () => {
    const on8443 = new URL('https://admin.example.org:8443/x');
    expect(isCoveredByPatterns(on8443, ['https://admin.example.org:8443/*'])).toBe(true);
    expect(isCoveredByPatterns(on8443, ['https://admin.example.org:9443/*'])).toBe(false);
    expect(isCoveredByPatterns(new URL('https://admin.example.org/'), ['https://admin.example.org:8443/*'])).toBe(false);
    expect(isCoveredByPatterns(new URL('https://admin.example.org/'), ['https://admin.example.org:443/*'])).toBe(true);
    expect(isCoveredByPatterns(on8443, ['https://admin.example.org/*'])).toBe(true);
    expect(isCoveredByPatterns(on8443, ['https://admin.example.org:*/*'])).toBe(true);
    expect(isCoveredByPatterns(new URL('http://[::1]:8080/'), ['http://[::1]/*'])).toBe(true);
    expect(isCoveredByPatterns(new URL('http://[::1]:8080/'), ['http://[::1]:8081/*'])).toBe(false);
  });

  it('sameOrigin compares scheme, host and port', () => {
    const admin = new URL('https://admin.example.org:8443/cms/');
    expect(sameOrigin('https://admin.example.org:8443/cms/users/1', admin)).toBe(true);
    expect(sameOrigin('https://admin.example.org/cms/users/1', admin)).toBe(false);
    expect(sameOrigin('https://admin.example.org:9443/', admin)).toBe(false);
    expect(sameOrigin('http://admin.example.org:8443/', admin)).toBe(false);
    expect(sameOrigin(undefined, admin)).toBe(false);
    expect(sameOrigin('about:blank', admin)).toBe(false);
  });
});
