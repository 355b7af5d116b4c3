/**
 * The demo's port: 8787 unless PORT says otherwise. A taken default port is not a stack trace: the
 * demo takes a free port and says so (the address it prints is the one to open). A taken port the
 * agent asked for by PORT=… is an error that says so and how to pick another, since silently
 * serving elsewhere would leave them looking at the wrong address.
 */
import { startSimulator, type Simulator } from '../test/admin-sim/server';

export const DEFAULT_PORT = 8787;

export class PortInUseError extends Error {}

type Start = (port: number) => Promise<Simulator>;

const inUse = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';

/** Starts the simulator; `notes` are lines to print first (e.g. that another port was taken). */
export async function startOnFreePort(env: { PORT?: string | undefined }, start: Start): Promise<{ sim: Simulator; notes: string[] }> {
  const asked = env.PORT !== undefined && env.PORT !== '';
  const port = asked ? Number(env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PortInUseError(`PORT=${env.PORT} is not a port number (0-65535). Example: PORT=8788 npm start`);
  try {
    return { sim: await start(port), notes: [] };
  } catch (error) {
    if (!inUse(error)) throw error;
    if (asked) {
      throw new PortInUseError(`Port ${port} is already in use (another demo or program is listening there). Pick another one: PORT=${port + 1} npm start (or PORT=0 for any free port).`);
    }
    const sim = await start(0);
    return { sim, notes: [`Port ${DEFAULT_PORT} is already in use, so the demo took a free one: ${new URL(sim.url).port}. (To choose one: PORT=8788 npm start)`] };
  }
}

export function startDemoSimulator(env: { PORT?: string | undefined; SIM_CONTROL?: string | undefined }) {
  return startOnFreePort(env, (port) => startSimulator({ port, control: env.SIM_CONTROL === '1' }));
}
