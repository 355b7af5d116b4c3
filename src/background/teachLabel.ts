/**
 * Teach mode's last step: the override the agent confirmed on the admin page (the content script
 * checked it against that page: src/admin/teach.ts) goes into the one settings store, as the
 * options page would save it. A label the organisation's policy pins is left as it is.
 */
import { validateLabelOverrides } from '../admin/labels';
import { isLabelKey, isPageKind, overrideKeyFor } from '../admin/teach';
import { MessageError } from '../shared/messaging';
import type { BackgroundProtocol } from '../shared/protocol';
import { readSettings, saveSettings } from '../shared/settings';

type Request = BackgroundProtocol['page/save-label']['request'];

export async function saveTaughtLabel({ page, key, text }: Request): Promise<{ saved: boolean }> {
  if (!isLabelKey(key) || !isPageKind(page)) throw new MessageError('bad-request', `Unknown label "${String(key)}" or page "${String(page)}".`);
  const overrideKey = overrideKeyFor(page, key);
  const checked = validateLabelOverrides({ [overrideKey]: text });
  if (!checked.ok || typeof text !== 'string') throw new MessageError('bad-request', Object.values(checked.ok ? {} : checked.errors)[0] ?? 'The label text is not a text.');
  const { settings, pinned } = await readSettings();
  if (pinned.includes(`label-${overrideKey}`)) return { saved: false };
  const stored = await saveSettings({ ...settings, labelOverrides: { ...settings.labelOverrides, [overrideKey]: text.replace(/\s+/gu, ' ').trim() } });
  return { saved: stored.labelOverrides[overrideKey] === text.replace(/\s+/gu, ' ').trim() };
}
