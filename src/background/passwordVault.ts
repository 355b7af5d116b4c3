/**
 * Where a generated password waits for the agent to copy it: this worker's memory only, for one
 * minute. Never storage, never a log: if the worker stops, the password is gone (by design).
 */
export const PASSWORD_HOLD_MS = 60_000;

const held = new Map<string, { password: string; expiresAt: number; timer: ReturnType<typeof setTimeout> }>();

export function holdPassword(runId: string, password: string): void {
  forgetPassword(runId);
  const expiresAt = Date.now() + PASSWORD_HOLD_MS;
  held.set(runId, { password, expiresAt, timer: setTimeout(() => forgetPassword(runId), PASSWORD_HOLD_MS) });
}

export function revealPassword(runId: string): { password: string; expiresAt: number } | null {
  const entry = held.get(runId);
  return entry && entry.expiresAt > Date.now() ? { password: entry.password, expiresAt: entry.expiresAt } : null;
}

export function forgetPassword(runId: string): void {
  const entry = held.get(runId);
  if (entry) clearTimeout(entry.timer);
  held.delete(runId);
}
