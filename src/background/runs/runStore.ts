/**
 * Runs persisted in `storage.session`: memory-only storage that survives a service-worker restart
 * (MV3 stops idle workers after 30 s) but not a browser restart, and that web pages and, by
 * default, content scripts cannot read.
 */
import browser from 'webextension-polyfill';
import { RUNS_KEY, type RunView } from '../../shared/runs';

/** Finished runs kept for the popup to show; older ones are dropped. */
const KEEP_FINISHED = 20;

// Writes go out one at a time, in the order they were asked for.
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * The runs as this worker has them: read from storage once, then changed here first and written
 * after. This worker is the only writer of the runs, so the copy stays true until the worker stops
 * (a new worker reads storage afresh). A step then costs one write instead of a read and a write,
 * and a list never waits for the writes under way.
 */
let known: RunView[] | undefined;
let loading: Promise<void> | undefined;

function load(): Promise<void> {
  if (known) return Promise.resolve();
  loading ??= browser.storage.session.get(RUNS_KEY).then(
    (stored) => {
      const runs = stored[RUNS_KEY];
      known ??= Array.isArray(runs) ? (runs as RunView[]) : [];
    },
    (error: unknown) => {
      // Not remembered: the next call reads again (else every start would fail until the worker stops).
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export async function listRuns(): Promise<RunView[]> {
  await load();
  // A copy: callers may sort it.
  return [...(known ?? [])];
}

type RunListener = (run: RunView) => void;
const listeners = new Set<RunListener>();

/** Called with every saved state of a run, as soon as this worker's copy has it (for the worker's life). */
export function onRunSaved(listener: RunListener): void {
  listeners.add(listener);
}

function withRun(runs: RunView[], run: RunView): RunView[] {
  const others = runs.filter((r) => r.id !== run.id);
  const running = others.filter((r) => r.status === 'running');
  const finished = others.filter((r) => r.status !== 'running').sort((a, b) => b.startedAt - a.startedAt).slice(0, KEEP_FINISHED);
  return [run, ...running, ...finished];
}

/** Resolves once storage holds this run (or a later state of it), with the state as saved. */
export function saveRun(run: RunView): Promise<RunView> {
  // In memory at once, in call order (callbacks on one settled promise run in the order added).
  const changed = load().then(() => {
    const rev = (known?.find((r) => r.id === run.id)?.rev ?? 0) + 1;
    const saved = { ...run, rev };
    known = withRun(known ?? [], saved);
    for (const listener of listeners) listener(saved);
    return saved;
  });
  return serialised(async () => {
    const saved = await changed;
    // The newest state: a change asked for after this one may already be in it.
    await browser.storage.session.set({ [RUNS_KEY]: known });
    return saved;
  });
}

/** The newest run for this customer e-mail (any shop), or the newest of all. */
export async function latestRun(email?: string): Promise<RunView | null> {
  const runs = await listRuns();
  const wanted = email?.trim().toLowerCase();
  const matching = wanted ? runs.filter((r) => r.email.toLowerCase() === wanted) : runs;
  return matching.sort((a, b) => b.startedAt - a.startedAt)[0] ?? null;
}
