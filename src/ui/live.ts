/**
 * Hooks that keep a view true while it is open, for the popup and the in-page help alike.
 */
import { useEffect, useState } from 'preact/hooks';
import { normalizeEmail, sameEmail } from '../domain/email';
import { errorWithHint } from '../shared/errorWords';
import { followRun, newerView } from '../shared/runFollow';
import type { RunView } from '../shared/runs';

export interface LiveRun {
  /** The newest run for the customer, as the worker last posted it (or as `show` was given). */
  run: RunView | null;
  /** Shows a run we were handed (a start's reply, a recent run) and follows its customer from then on. */
  show(run: RunView): void;
  /** Why the run can no longer be followed (refused, or the worker cannot be reached); null while it can. */
  lost: string | null;
}

/**
 * Follows the newest run for `email` (or, without one, for the customer of the last run shown),
 * through the worker's port: no timer, no storage listener.
 */
export function useRun(email?: string): LiveRun {
  const [run, setRun] = useState<RunView | null>(null);
  const [lost, setLost] = useState<string | null>(null);
  const following = normalizeEmail(email ?? run?.email ?? '');
  useEffect(() => {
    if (!following) return;
    const controller = new AbortController();
    setLost(null);
    followRun(
      following,
      {
        onRun: (posted) => setRun((current) => newerView(current && sameEmail(current.email, following) ? current : null, posted)),
        // In the agent's language: the error's own message is for the console.
        onLost: (error) => setLost(errorWithHint(error)),
      },
      controller.signal,
    );
    return () => controller.abort();
  }, [following]);
  const show = (shown: RunView): void => setRun((current) => newerView(current && sameEmail(current.email, shown.email) ? current : null, shown));
  return { run, show, lost };
}

/** Re-renders every `ms` so ages and "time left" stay true while the view is open. */
export function useNow(ms = 15_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
