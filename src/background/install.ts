/**
 * The one runtime.onInstalled listener: on install and on update the stored settings are brought to
 * today's shape (migrations.ts) and the context menu is created (contextMenu.ts); on a first install
 * only, the welcome page opens in a tab (src/welcome/): it asks for what the extension needs to be
 * right (the admin's address, time zone and language) and shows what it adds.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { createMenu } from './contextMenu';
import { runMigrations } from './migrations';

export const WELCOME_PAGE = 'src/welcome/index.html';

async function onInstalled(details: Runtime.OnInstalledDetailsType): Promise<void> {
  await runMigrations().catch((error: unknown) => console.error('reset-desk: the settings migration failed; the stored settings are read as they are:', error));
  await createMenu().catch((error: unknown) => console.error('reset-desk: the context menu could not be created:', error));
  // Not on an update or a browser update: the agent has answered these questions before.
  if (details.reason === 'install') {
    await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }).catch((error: unknown) => console.error('reset-desk: the welcome page could not be opened:', error));
  }
}

export function handleInstall(): void {
  browser.runtime.onInstalled.addListener((details) => void onInstalled(details));
}
