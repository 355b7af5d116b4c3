/**
 * The admin address the agent sets, and the match patterns and tab checks built from it.
 *
 * The address decides where our content script runs and which tab a flow types customer data
 * into, so it is checked strictly: an http(s) origin without credentials, no wildcard in its host
 * (a pattern built from it would cover other sites), and https unless the host is this machine's
 * loopback (the simulated admin, a local tunnel): plain http elsewhere can be read and changed on
 * the way. The port is part of the admin's origin and is kept wherever we compare with it.
 */

/** Why an admin address is refused; the options page words each one (optErrAdminUrl*). */
export type AdminUrlProblem = 'not-url' | 'scheme' | 'credentials' | 'wildcard' | 'insecure';

export type AdminUrlCheck = { ok: true; url: URL } | { ok: false; problem: AdminUrlProblem };

/** The loopback hosts plain http is allowed on (as URL.hostname spells them). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

export function checkAdminUrl(raw: string): AdminUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: 'not-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  // A `*` in the host would be a wildcard in the match pattern built from it. Node's URL keeps it
  // (and decodes %2A to it); Chromium's writes it as %2A: both spellings are refused.
  if (/\*|%2a/i.test(url.hostname)) return { ok: false, problem: 'wildcard' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return { ok: false, problem: 'insecure' };
  return { ok: true, url };
}

/** The admin address as a URL, or null when checkAdminUrl refuses it. */
export function parseAdminUrl(raw: string): URL | null {
  const check = checkAdminUrl(raw);
  return check.ok ? check.url : null;
}

/**
 * Chromium's match patterns may carry a port; Firefox's may not (it refuses or ignores one, see
 * MDN "Match patterns"), so there a pattern covers the host on every port and the port is kept by
 * our own origin checks (sameOrigin: the admin tab, the content script's start).
 */
export function matchPatternsCarryPorts(extensionBaseUrl: string): boolean {
  return !extensionBaseUrl.startsWith('moz-extension:');
}

/**
 * The match pattern that covers every page of the admin's origin, e.g.
 * `https://admin.example.com:8443/*` (`withPort` false: `https://admin.example.com/*`, every port).
 */
export function originPattern(url: URL, { withPort = true }: { withPort?: boolean } = {}): string {
  return `${url.protocol}//${withPort ? url.host : url.hostname}/*`;
}

/** True when `pageUrl` is on the admin's origin: scheme, host and port. */
export function sameOrigin(pageUrl: string | undefined, admin: URL): boolean {
  if (!pageUrl) return false;
  try {
    return new URL(pageUrl).origin === admin.origin;
  } catch {
    return false;
  }
}

/**
 * True when one of the match patterns (`scheme://host[:port]/path`, host `*` or `*.domain`) covers
 * the URL's scheme, host and port. A pattern without a port covers every port, as in the browsers.
 */
export function isCoveredByPatterns(url: URL, patterns: readonly string[]): boolean {
  const scheme = url.protocol.slice(0, -1);
  const port = url.port || (scheme === 'https' ? '443' : '80');
  return patterns.some((pattern) => {
    const m = /^(\*|https?):\/\/(\[[^\]]+\]|[^/:]+)(?::(\d+|\*))?\//.exec(pattern);
    if (!m) return pattern === '<all_urls>';
    const [, pScheme, host, pPort] = m as unknown as [string, string, string, string | undefined];
    if (pScheme !== '*' && pScheme !== scheme) return false;
    if (pScheme === '*' && scheme !== 'http' && scheme !== 'https') return false;
    if (pPort !== undefined && pPort !== '*' && pPort !== port) return false;
    if (host === '*') return true;
    if (host.startsWith('*.')) return url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1));
    return url.hostname === host;
  });
}
