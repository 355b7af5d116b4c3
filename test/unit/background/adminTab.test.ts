// @vitest-environment node
/** Which tab a flow drives: the configured admin's, else (only in a build with the simulator's hosts) the local simulator's; never any other page. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = { hostPermissions: [] as string[], tabs: [] as { id: number; url: string; active: boolean }[] };

/** Match patterns as the browser reads them: scheme, host (any port for a host without one), path prefix. */
function matches(pattern: string, url: string): boolean {
  const [, scheme, host, path] = /^(\w+):\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const u = new URL(url);
  return u.protocol === `${scheme}:` && (host === u.host || host === u.hostname) && u.pathname.startsWith(path!.replace(/\*$/, ''));
}

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getManifest: () => ({ host_permissions: state.hostPermissions }) },
    tabs: { query: async ({ url }: { url: string[] }) => state.tabs.filter((t) => url.some((p) => matches(p, t.url))) },
  },
}));

const { findAdminTab } = await import('../../../src/background/adminTab');

const DIST_HOSTS = ['https://admin.flickrocket.com/*', 'http://127.0.0.1/*', 'http://localhost/*'];
const STORE_HOSTS = ['https://admin.flickrocket.com/*'];

describe('findAdminTab', () => {
  beforeEach(() => {
    state.tabs = [
      { id: 1, url: 'http://127.0.0.1:8787/cms/dashboard', active: false },
      { id: 2, url: 'https://admin.flickrocket.com/cms/dashboard', active: false },
      { id: 3, url: 'https://admin.flickrocket.com/cms/sales/orders', active: true },
      { id: 4, url: 'https://example.org/', active: false },
    ];
  });

  it('takes a tab on the configured admin address, the active one first', async () => {
    state.hostPermissions = DIST_HOSTS;
    expect((await findAdminTab('https://admin.flickrocket.com/'))?.id).toBe(3);
    expect((await findAdminTab('http://127.0.0.1:8787/'))?.id).toBe(1);
  });

  it('with none there, takes the simulator\'s tab only in a build that has its hosts (dist/, the demo)', async () => {
    state.hostPermissions = DIST_HOSTS;
    expect((await findAdminTab('https://admin.custom-shop.example/'))?.id).toBe(1);
    state.hostPermissions = STORE_HOSTS;
    expect(await findAdminTab('https://admin.custom-shop.example/')).toBeUndefined();
  });

  it('keeps the port: a tab on the admin host\'s other port is not the admin', async () => {
    state.hostPermissions = STORE_HOSTS;
    state.tabs = [
      { id: 7, url: 'https://admin.example.org:9443/cms/', active: true },
      { id: 8, url: 'https://admin.example.org/cms/', active: true },
    ];
    expect(await findAdminTab('https://admin.example.org:8443/cms/')).toBeUndefined();
    state.tabs.push({ id: 9, url: 'https://admin.example.org:8443/cms/users', active: false });
    expect((await findAdminTab('https://admin.example.org:8443/cms/'))?.id).toBe(9);
  });

  it('never drives another page: not the default admin when another is configured, not an unrelated site', async () => {
    state.hostPermissions = STORE_HOSTS;
    state.tabs = state.tabs.filter((t) => t.id !== 1);
    expect(await findAdminTab('https://admin.custom-shop.example/')).toBeUndefined();
    expect(await findAdminTab('not a url')).toBeUndefined();
  });
});
