// @vitest-environment node
/** The one onInstalled listener: migrations and the menu on install and update, the welcome tab on a first install only. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
let listener: ((details: { reason: string }) => void) | undefined;

vi.mock('webextension-polyfill', async () => ({
  default: {
    i18n: (await import('../englishI18n')).i18n,
    runtime: {
      getURL: (p: string) => `chrome-extension://id/${p}`,
      onInstalled: { addListener: (l: typeof listener) => void (listener = l) },
      onStartup: { addListener() {} },
    },
    storage: { sync: { get: async () => ({}), set: async () => undefined } },
    contextMenus: { removeAll: async () => void calls.push('menu'), create: () => undefined, onClicked: { addListener() {} } },
    tabs: { create: async ({ url }: { url: string }) => void calls.push(`tab ${url}`) },
  },
}));

const { handleInstall } = await import('../../../src/background/install');

async function install(reason: string): Promise<string[]> {
  calls.length = 0;
  listener!({ reason });
  // The listener's steps are promises: let them run.
  await vi.waitFor(() => expect(calls).toContain('menu'));
  await new Promise((r) => setTimeout(r, 0));
  return [...calls];
}

describe('on install', () => {
  beforeEach(() => {
    listener = undefined;
    handleInstall();
  });

  it('a first install creates the menu and opens the welcome page', async () => {
    expect(await install('install')).toEqual(['menu', 'tab chrome-extension://id/src/welcome/index.html']);
  });

  it('an update or a browser update does not open it again', async () => {
    expect(await install('update')).toEqual(['menu']);
    expect(await install('chrome_update')).toEqual(['menu']);
  });
});
