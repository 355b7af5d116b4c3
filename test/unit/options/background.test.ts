// @vitest-environment node
/** The background's custom-host content script registration and the context-menu target, against a fake browser API. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = {
  settings: {} as Record<string, unknown>,
  managed: {} as Record<string, unknown>,
  granted: new Set<string>(['https://admin.flickrocket.com/*', 'http://127.0.0.1/*']),
  scripts: [] as { id: string; matches: string[]; js: string[] }[],
  calls: [] as string[],
};

vi.mock('webextension-polyfill', async () => ({
  default: {
    i18n: (await import('../englishI18n')).i18n,
    runtime: {
      getURL: (p: string) => `chrome-extension://id/${p}`,
      getManifest: () => ({
        host_permissions: ['https://admin.flickrocket.com/*', 'http://127.0.0.1/*'],
        content_scripts: [{ matches: ['https://admin.flickrocket.com/*', 'http://127.0.0.1/*'], js: ['assets/index.ts-loader-abc.js'] }],
      }),
    },
    storage: { sync: { get: async () => ({ settings: state.settings }) }, managed: { get: async () => state.managed }, onChanged: { addListener() {} } },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => state.granted.has(o)),
      getAll: async () => ({ origins: [...state.granted] }),
      remove: async ({ origins }: { origins: string[] }) => {
        state.calls.push(`remove ${origins.join(',')}`);
        origins.forEach((o) => state.granted.delete(o));
        return true;
      },
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => state.scripts.filter((s) => ids.includes(s.id)),
      registerContentScripts: async (list: { id: string; matches: string[]; js: string[] }[]) => {
        state.calls.push(`register ${list.map((s) => s.matches.join(',')).join(';')}`);
        state.scripts.push(...list);
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        state.calls.push(`unregister ${ids.join(',')}`);
        state.scripts = state.scripts.filter((s) => !ids.includes(s.id));
      },
    },
  },
}));

const { reconcileCustomAdminScript, CUSTOM_ADMIN_SCRIPT_ID } = await import('../../../src/background/hostAccess');
const { popupUrlForSelection } = await import('../../../src/background/contextMenu');
const { isAdminPage } = await import('../../../src/background/contentScript');

describe('custom admin host: content script registration', () => {
  beforeEach(() => {
    state.settings = {};
    state.managed = {};
    state.granted = new Set(['https://admin.flickrocket.com/*', 'http://127.0.0.1/*']);
    state.scripts = [];
    state.calls = [];
  });

  it('registers nothing for the built-in hosts', async () => {
    await reconcileCustomAdminScript();
    state.settings = { adminUrl: 'http://127.0.0.1:8787/' };
    await reconcileCustomAdminScript();
    expect(state.calls).toEqual([]);
  });

  it('registers nothing while the custom host is not granted', async () => {
    state.settings = { adminUrl: 'https://admin.example.org/' };
    await reconcileCustomAdminScript();
    expect(state.scripts).toEqual([]);
  });

  it('registers the built loader for a granted custom host, once', async () => {
    state.settings = { adminUrl: 'https://admin.example.org/cms' };
    state.granted.add('https://admin.example.org/*');
    await reconcileCustomAdminScript();
    await reconcileCustomAdminScript();
    expect(state.scripts).toEqual([expect.objectContaining({ id: CUSTOM_ADMIN_SCRIPT_ID, matches: ['https://admin.example.org/*'], js: ['assets/index.ts-loader-abc.js'] })]);
    expect(state.calls).toEqual(['register https://admin.example.org/*']);
  });

  it("follows an admin address the organisation's policy pins over the agent's own", async () => {
    state.settings = { adminUrl: 'https://own.example.org/' };
    state.managed = { adminUrl: 'https://pinned.example.org/' };
    state.granted.add('https://own.example.org/*');
    state.granted.add('https://pinned.example.org/*');
    await reconcileCustomAdminScript();
    expect(state.scripts.map((s) => s.matches)).toEqual([['https://pinned.example.org/*']]);
    expect(state.granted.has('https://own.example.org/*')).toBe(false);
  });

  it('keeps the custom address\'s port in the registered pattern (Chromium)', async () => {
    state.settings = { adminUrl: 'https://admin.example.org:8443/cms' };
    state.granted.add('https://admin.example.org:8443/*');
    await reconcileCustomAdminScript();
    expect(state.scripts.map((s) => s.matches)).toEqual([['https://admin.example.org:8443/*']]);
  });

  it('moves to a new host: unregisters the old one and gives its permission back', async () => {
    state.settings = { adminUrl: 'https://old.example.org/' };
    state.granted.add('https://old.example.org/*');
    await reconcileCustomAdminScript();
    state.settings = { adminUrl: 'https://new.example.org/' };
    state.granted.add('https://new.example.org/*');
    await reconcileCustomAdminScript();
    expect(state.scripts.map((s) => s.matches)).toEqual([['https://new.example.org/*']]);
    expect(state.granted.has('https://old.example.org/*')).toBe(false);
    expect(state.granted.has('https://admin.flickrocket.com/*')).toBe(true);
    expect(state.calls).toEqual(['register https://old.example.org/*', 'remove https://old.example.org/*', 'unregister reset-desk-custom-admin', 'register https://new.example.org/*']);
  });

  it('unregisters when the permission is taken away or the address goes back to the default', async () => {
    state.settings = { adminUrl: 'https://admin.example.org/' };
    state.granted.add('https://admin.example.org/*');
    await reconcileCustomAdminScript();
    state.granted.delete('https://admin.example.org/*');
    await reconcileCustomAdminScript();
    expect(state.scripts).toEqual([]);
  });
});

describe('which pages get the full content script (the gate\'s content/boot)', () => {
  it('the manifest\'s hosts on any port; a custom admin on its exact origin only, port included', async () => {
    state.settings = { adminUrl: 'https://admin.example.org:8443/cms/' };
    expect(await isAdminPage('https://admin.flickrocket.com/cms/dashboard')).toBe(true);
    expect(await isAdminPage('http://127.0.0.1:8787/cms/dashboard')).toBe(true);
    expect(await isAdminPage('https://admin.example.org:8443/cms/users/1')).toBe(true);
    // Firefox registers the custom host for every port (its patterns have none): this keeps the port.
    expect(await isAdminPage('https://admin.example.org:9443/cms/users/1')).toBe(false);
    expect(await isAdminPage('https://admin.example.org/cms/users/1')).toBe(false);
    expect(await isAdminPage('https://other.example.org:8443/')).toBe(false);
    expect(await isAdminPage(undefined)).toBe(false);
  });
});

describe('context menu target', () => {
  it('opens the popup page with the normalised address', () => {
    expect(popupUrlForSelection('  Anna@Example.COM \n')).toBe('chrome-extension://id/src/popup/index.html?email=anna%40example.com');
  });
  it('passes a non-address on (shortened) for the popup to reject visibly', () => {
    expect(popupUrlForSelection('call me maybe')).toBe('chrome-extension://id/src/popup/index.html?email=call%20me%20maybe');
    expect(decodeURIComponent(popupUrlForSelection('x'.repeat(1000)).split('email=')[1]!)).toHaveLength(320);
  });
});
