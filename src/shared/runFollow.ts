/**
 * Follows the newest run for a customer through a runtime port. The worker posts the run's view
 * on every change; no timer and no storage listener. A port that closes (the worker was stopped:
 * MV3 stops idle workers, Chromium may stop one at any time) is connected again at once, which
 * wakes the worker, and a starting worker resumes its unfinished runs and posts their state.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { MessageError } from './messaging';
import { FOLLOW_PORT, type FollowPost, type FollowRequest, type RunView } from './runs';

/**
 * Connections in a row that closed before the worker posted anything: then we stop and say so.
 * A worker that is being stopped refuses connections for a moment, so a refused one is tried again
 * after a pause that doubles (0.1 s, 0.2 s, … 3.2 s: about 6 s in all).
 */
const MAX_SILENT_CONNECTS = 6;
const FIRST_PAUSE_MS = 100;

export interface FollowHandlers {
  onRun(run: RunView | null): void;
  /** The worker refused (e.g. a page asking about another customer) or cannot be reached. */
  onLost(error: MessageError): void;
}

export function followRun(email: string, handlers: FollowHandlers, signal: AbortSignal): void {
  let silent = 0;
  const connect = (): void => {
    if (signal.aborted) return;
    let port: Runtime.Port;
    try {
      port = browser.runtime.connect({ name: FOLLOW_PORT });
    } catch (error) {
      // The extension was reloaded or updated under this page: nothing will answer any more.
      handlers.onLost(new MessageError('background-gone', `Reset Desk cannot reach its background any more (${error instanceof Error ? error.message : String(error)}).`));
      return;
    }
    let heard = false;
    const close = () => port.disconnect();
    signal.addEventListener('abort', close, { once: true });
    port.onMessage.addListener((message: unknown) => {
      heard = true;
      silent = 0;
      const post = message as FollowPost;
      if ('error' in post) {
        signal.removeEventListener('abort', close);
        port.disconnect();
        handlers.onLost(new MessageError(post.error.code, post.error.message, post.error.details));
      } else handlers.onRun(post.run);
    });
    port.onDisconnect.addListener(() => {
      signal.removeEventListener('abort', close);
      if (signal.aborted) return;
      if (heard) return connect();
      if (++silent >= MAX_SILENT_CONNECTS) {
        handlers.onLost(new MessageError('background-gone', "Reset Desk's background does not answer."));
        return;
      }
      // Not a poll: a pause after a refused connection, before the next try.
      setTimeout(connect, FIRST_PAUSE_MS * 2 ** (silent - 1));
    });
    port.postMessage({ email } satisfies FollowRequest);
  };
  connect();
}

/** Of two views of a run (or of a customer's runs), the one to show: the newer run, else the newer state. */
export function newerView(current: RunView | null, incoming: RunView | null): RunView | null {
  if (!incoming) return current;
  if (!current) return incoming;
  if (incoming.id === current.id) return (incoming.rev ?? 0) >= (current.rev ?? 0) ? incoming : current;
  return incoming.startedAt >= current.startedAt ? incoming : current;
}
