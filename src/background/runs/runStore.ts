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

async function readAll(): Promise<RunView[]> {
  const stored = await browser.storage.session.get(RUNS_KEY);
  const runs = stored[RUNS_KEY];
  return Array.isArray(runs) ? (runs as RunView[]) : [];
}

export function listRuns(): Promise<RunView[]> {
  return serialised(readAll);
}

export function saveRun(run: RunView): Promise<void> {
  return serialised(async () => {
    const others = (await readAll()).filter((r) => r.id !== run.id);
    const running = others.filter((r) => r.status === 'running');
    const finished = others.filter((r) => r.status !== 'running').sort((a, b) => b.startedAt - a.startedAt).slice(0, KEEP_FINISHED);
    await browser.storage.session.set({ [RUNS_KEY]: [run, ...running, ...finished] });
  });
}

/** The newest run for this customer e-mail (any shop), or the newest of all. */
export async function latestRun(email?: string): Promise<RunView | null> {
  const runs = await listRuns();
  const wanted = email?.trim().toLowerCase();
  const matching = wanted ? runs.filter((r) => r.email.toLowerCase() === wanted) : runs;
  return matching.sort((a, b) => b.startedAt - a.startedAt)[0] ?? null;
}
