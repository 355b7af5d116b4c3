/**
 * Runs pushed by the background for this tab ('run/update'): the in-page buttons subscribe to see
 * their run's progress and outcome. Only our own background can deliver these (runtime messaging).
 */
import type { RunView } from '../shared/runs';

type Listener = (run: RunView) => void;
const listeners = new Set<Listener>();

export function onRunUpdate(listener: Listener, signal: AbortSignal): void {
  if (signal.aborted) return;
  listeners.add(listener);
  signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
}

export function deliverRunUpdate(run: RunView): { ok: true } {
  for (const l of listeners) l(run);
  return { ok: true };
}
