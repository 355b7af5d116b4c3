/**
 * Content script on admin pages. It answers the background's step requests and injects in-page
 * help on the pages that are ours; on every other page it stops after one cheap recognition.
 *
 * Security: it listens only to runtime messages from our own extension (web pages cannot send
 * those) and never to window.postMessage or page events.
 */
import browser from 'webextension-polyfill';
import { handleMessages, sendToBackground } from '../shared/messaging';
import type { ContentProtocol } from '../shared/protocol';
import { pageReport, readPageContext } from './pageContext';
import { stepHandlers } from './steps';
import { deliverRunUpdate } from './runUpdates';
import { startFeatures } from './features';
import './features/all';

async function main(): Promise<void> {
  const ctx = await readPageContext(document);
  handleMessages<ContentProtocol>({ ...stepHandlers(ctx, document), 'run/update': deliverRunUpdate }, (sender) => sender.id === browser.runtime.id && sender.tab === undefined);
  // Wake a waiting flow: this is the page its last click led to.
  void sendToBackground('content/ready', pageReport(ctx, document)).catch(() => undefined);
  startFeatures(ctx, document);
}

void main();
