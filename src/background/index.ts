/**
 * The background service worker: owns every multi-step flow, so closing the popup never stops one.
 * It talks to the admin only through our content script in the agent's own admin tab.
 */
import { handleMessages, isExtensionPage, MessageError, sendToTab } from '../shared/messaging';
import type { BackgroundProtocol } from '../shared/protocol';
import { findAdminTab } from './adminTab';

handleMessages<BackgroundProtocol>(
  {
    async 'admin/ping'({ tabId }) {
      const tab = tabId ?? (await findAdminTab())?.id;
      if (tab === undefined) throw new MessageError('no-admin-tab', 'No admin tab is open.');
      const report = await sendToTab(tab, 'content/ping', {});
      return { tabId: tab, report };
    },
  },
  // Action requests come only from our own pages: a web page cannot reach runtime messaging,
  // and content scripts get their own narrow entry points.
  (sender) => isExtensionPage(sender),
);
