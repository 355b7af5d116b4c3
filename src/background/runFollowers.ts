/**
 * The worker's end of following a run (src/shared/runFollow.ts): each watcher's port gets the
 * newest run of its customer at once and again on every saved change of that customer's runs.
 * Popups and options may follow anyone; a content script only the customer its own page shows.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { sameEmail } from '../domain/email';
import { toWireError } from '../shared/errors';
import { isExtensionPage, isOwnContentScript, MessageError } from '../shared/messaging';
import { FOLLOW_PORT, type FollowPost, type FollowRequest } from '../shared/runs';
import { requireOwnCustomer } from './ownCustomer';
import { latestRun, onRunSaved } from './runs/runStore';

const followers = new Map<Runtime.Port, string>();

function post(port: Runtime.Port, message: FollowPost): void {
  try {
    port.postMessage(message);
  } catch {
    // A port whose other end is gone throws; its onDisconnect drops it from the followers.
    followers.delete(port);
  }
}

async function accept(port: Runtime.Port, request: unknown): Promise<void> {
  const email = (request as Partial<FollowRequest> | null)?.email;
  try {
    if (typeof email !== 'string' || email.trim() === '') throw new MessageError('bad-request', 'Following a run needs the customer e-mail.');
    const sender = port.sender;
    if (!sender || !(isExtensionPage(sender) || isOwnContentScript(sender))) throw new MessageError('forbidden', 'Only Reset Desk itself may follow a run.');
    if (!isExtensionPage(sender)) await requireOwnCustomer(sender, email);
    followers.set(port, email);
    post(port, { run: await latestRun(email) });
  } catch (error) {
    post(port, { error: toWireError(error) });
    port.disconnect();
  }
}

export function startRunFollowers(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== FOLLOW_PORT) return;
    port.onMessage.addListener((request: unknown) => {
      if (!followers.has(port)) void accept(port, request);
    });
    port.onDisconnect.addListener(() => followers.delete(port));
  });
  onRunSaved((run) => {
    for (const [port, email] of followers) {
      if (!sameEmail(email, run.email)) continue;
      // The newest of the customer's runs, which is this one unless an older run saves a late state.
      void latestRun(email).then((newest) => post(port, { run: newest }));
    }
  });
}
