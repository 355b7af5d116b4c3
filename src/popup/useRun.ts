import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sameEmail } from '../domain/email';
import { askWhileRunning } from '../shared/runWatch';
import { RUNS_KEY, type RunView } from '../shared/runs';

/** Follows one run live through `storage.session`, where the background persists every step. */
export function useLiveRun(initial: RunView | null): [RunView | null, (run: RunView | null) => void] {
  const [run, setRun] = useState<RunView | null>(initial);
  useEffect(() => {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(RUNS_KEY in changes)) return;
      const runs = (changes[RUNS_KEY]?.newValue ?? []) as RunView[];
      setRun((current) => {
        if (!current) return current;
        // A newer run for the same customer (another popup, window or an in-page button) takes over
        // the view, so this popup shows it running instead of offering a second click.
        const newer = runs.filter((r) => r.id !== current.id && sameEmail(r.email, current.email) && r.startedAt > current.startedAt).sort((a, b) => b.startedAt - a.startedAt)[0];
        return newer ?? runs.find((r) => r.id === current.id) ?? current;
      });
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const runningFor = run?.status === 'running' ? run.email : null;
  useEffect(() => {
    if (!runningFor) return;
    return askWhileRunning(runningFor, (latest) =>
      setRun((current) => (current && (latest.id === current.id || latest.startedAt > current.startedAt) ? latest : current)),
    );
  }, [runningFor]);
  return [run, setRun];
}

/** Re-renders every `ms` so ages and "time left" stay true while the popup is open. */
export function useNow(ms = 15_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
