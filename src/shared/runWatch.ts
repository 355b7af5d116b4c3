/**
 * A page that shows a running run (the popup, the in-page bar) asks the background about it now
 * and then. A worker stopped mid-step (MV3 stops idle workers; Chromium may stop one at any time)
 * starts again only for an event, and a step such as the admin's AJAX Send loads no page that
 * would send one: the question is that event, and a starting worker resumes its unfinished runs.
 */
import { sendToBackground } from './messaging';
import type { RunView } from './runs';

export const ASK_EVERY_MS = 5_000;

/** Asks about `email`'s run every few seconds until the returned function is called. */
export function askWhileRunning(email: string, onRun: (run: RunView) => void): () => void {
  const timer = setInterval(() => {
    sendToBackground('run/get', { email }).then(
      (run) => run && onRun(run),
      // A worker that is just starting may miss one question; the next one comes in a few seconds.
      () => undefined,
    );
  }, ASK_EVERY_MS);
  return () => clearInterval(timer);
}
