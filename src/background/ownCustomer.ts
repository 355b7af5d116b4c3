/**
 * What a content script may ask for: only about the customer whose page its own tab shows now
 * (asked of that tab's content script, not taken from the request).
 */
import type { Runtime } from 'webextension-polyfill';
import { sameEmail } from '../domain/email';
import { MessageError } from '../shared/messaging';
import type { PageReport } from '../shared/protocol';
import { pingTab } from './pageEvents';

export async function requireOwnCustomer(
  sender: Runtime.MessageSender,
  email: string | undefined,
  pages: readonly PageReport['page'][] = ['user', 'customer'],
): Promise<PageReport> {
  const tabId = sender.tab?.id;
  const shown = tabId === undefined || !email ? undefined : await pingTab(tabId, { inject: false });
  if (!shown || !pages.includes(shown.page) || !shown.customerEmail || !sameEmail(shown.customerEmail, email!)) {
    throw new MessageError('forbidden', 'A page may only act for the customer it shows.');
  }
  return shown;
}
