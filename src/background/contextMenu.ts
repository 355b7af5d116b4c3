/**
 * The context-menu item "Check password reset for “<selection>”" on selected text (a ticket, a web
 * mail client) and what it does: it opens the popup page in a small window with the selection as
 * `?email=`; the popup fills it in and starts the look-up (or shows its validation message when the
 * selection is not an e-mail address). Nothing is stored: the address travels only in the URL of
 * our own extension page.
 */
import browser, { type Menus } from 'webextension-polyfill';
import { isPlausibleEmail, normalizeEmail } from '../domain/email';
import { t } from '../shared/i18n';

export const MENU_ID = 'reset-desk-check-selection';
/** Longer selections are not addresses; cut them so the URL and the message stay readable. */
const MAX_SELECTION = 320;

/** The popup URL for a selection: the normalised address, or the (shortened) text for the popup to reject visibly. */
export function popupUrlForSelection(selection: string): string {
  const text = selection.trim().slice(0, MAX_SELECTION);
  const value = isPlausibleEmail(text) ? normalizeEmail(text) : text;
  return browser.runtime.getURL(`src/popup/index.html?email=${encodeURIComponent(value)}`);
}

export async function createMenu(): Promise<void> {
  // removeAll first: creating an existing id is an error, and this runs on every install and start.
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: t('menuCheckSelection'), contexts: ['selection'] });
}

async function onClicked(info: Menus.OnClickData): Promise<void> {
  if (info.menuItemId !== MENU_ID || !info.selectionText) return;
  const url = popupUrlForSelection(info.selectionText);
  // A popup-sized window, like the toolbar popup (which cannot be opened with a parameter).
  await browser.windows.create({ url, type: 'popup', width: 420, height: 640 }).catch(() => browser.tabs.create({ url }));
}

/** The menu is created on install and update (src/background/install.ts) and on every browser start. */
export function setupContextMenu(): void {
  browser.runtime.onStartup.addListener(() => void createMenu());
  browser.contextMenus.onClicked.addListener((info) => void onClicked(info));
}
