/**
 * Content script on admin pages. It answers the background's requests and injects in-page help
 * on the pages that are ours; on every other page it does nothing after one cheap recognition.
 */
import { handleMessages, isOwnContentScript } from '../shared/messaging';
import type { ContentProtocol } from '../shared/protocol';

handleMessages<ContentProtocol>({
  async 'content/ping'() {
    return { page: 'unknown' };
  },
});
void isOwnContentScript;
