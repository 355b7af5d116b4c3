/**
 * Runs persisted in `storage.session`: memory-only storage that survives a service-worker restart
 * (MV3 stops idle workers after 30 s) but not a browser restart, and that web pages and, by
 * default, content scripts cannot read.
 */
import browser from 'webextension-polyfill';
import { RUNS_KEY, type RunView } from '../../shared/runs';

/** Finished runs kept for the popup to show; older ones are dropped. */
const KEEP_FINISHED = 20;

// storage.session has no transactions: serialise our own read-modify-write cycles.
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * What storage holds, as this worker last read or wrote it. This worker is the only writer of the
 * runs, so the copy stays true until the worker stops (and a new worker reads storage afresh):
 * a step then costs one write instead of a read and a write.
 */
let known: RunView[] | undefined;

async function readAll(): Promise<RunView[]> {
  if (known) return known;
  const stored = await browser.storage.session.get(RUNS_KEY);
  const runs = stored[RUNS_KEY];
  known = Array.isArray(runs) ? (runs as RunView[]) : [];
  return known;
}

export function listRuns(): Promise<RunView[]> {
  // A copy: callers may sort it.
  return serialised(async () => [...(await readAll())]);
}

export function saveRun(run: RunView): Promise<void> {
  return serialised(async () => {
    const others = (await readAll()).filter((r) => r.id !== run.id);
    const running = others.filter((r) => r.status === 'running');
    const finished = others.filter((r) => r.status !== 'running').sort((a, b) => b.startedAt - a.startedAt).slice(0, KEEP_FINISHED);
    const runs = [run, ...running, ...finished];
    await browser.storage.session.set({ [RUNS_KEY]: runs });
    known = runs;
  });
}

/** The newest run for this customer e-mail (any shop), or the newest of all. */
export async function latestRun(email?: string): Promise<RunView | null> {
  const runs = await listRuns();
  const wanted = email?.trim().toLowerCase();
  const matching = wanted ? runs.filter((r) => r.email.toLowerCase() === wanted) : runs;
  return matching.sort((a, b) => b.startedAt - a.startedAt)[0] ?? null;
}
