/**
 * Brings the stored settings to the current version when the extension is installed or updated,
 * so storage holds today's shape (the reader migrates too, for a value synced from an older build
 * on another machine; both use SETTINGS_MIGRATIONS). Values are only moved, never checked here:
 * a bad value stays visible to the options page, which says what is wrong with it.
 */
import browser from 'webextension-polyfill';
import { migrateSettings, SETTINGS_KEY, SETTINGS_VERSION, storedVersion } from '../shared/settings';

/** Returns the version the stored settings had, or null when there was nothing to migrate. */
export async function runMigrations(): Promise<number | null> {
  const stored = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (stored === undefined) return null;
  const from = storedVersion(stored);
  if (from >= SETTINGS_VERSION) return null;
  await browser.storage.sync.set({ [SETTINGS_KEY]: migrateSettings(stored) });
  console.info(`reset-desk: settings migrated from version ${from} to ${SETTINGS_VERSION}`);
  return from;
}
