// @vitest-environment node
/** `npm start` with its port taken: a free port and a line saying so, or (PORT=… taken) a plain message. */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PortInUseError, startOnFreePort } from '../../../scripts/demoPort';
import { startSimulator, type Simulator } from '../../../test/admin-sim/server';

const open: (Server | Simulator)[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await new Promise<void>((r) => ('url' in s ? void s.close().then(() => r()) : s.close(() => r())));
});

async function occupy(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  open.push(server);
  return (server.address() as { port: number }).port;
}

describe('the demo port', () => {
  it('the default port taken: takes a free one and says which', async () => {
    const taken = await occupy();
    // The real default is 8787; the test stands a taken port in for it.
    const start = (port: number) => startSimulator({ port: port === 8787 ? taken : port });
    const { sim, notes } = await startOnFreePort({}, start);
    open.push(sim);
    const port = new URL(sim.url).port;
    expect(port).not.toBe(String(taken));
    expect(notes.join(' ')).toMatch(new RegExp(`already in use.*free one: ${port}.*PORT=`));
  });

  it('a port asked for by PORT=… and taken: says so and how to pick another, no stack trace', async () => {
    const taken = await occupy();
    const run = startOnFreePort({ PORT: String(taken) }, (port) => startSimulator({ port }));
    await expect(run).rejects.toBeInstanceOf(PortInUseError);
    await expect(run).rejects.toThrow(new RegExp(`Port ${taken} is already in use.*PORT=${taken + 1} npm start`));
  });

  it('a free default port is used as it is', async () => {
    const { sim, notes } = await startOnFreePort({ PORT: '0' }, (port) => startSimulator({ port }));
    open.push(sim);
    expect(notes).toEqual([]);
  });

  it('npm run sim -- --port N with N taken: says so and how to pick another, exit 1, no stack trace', async () => {
    const taken = await occupy();
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', 'test/admin-sim/cli.ts', '--port', String(taken)], { timeout: 30_000 }, (_e, _out, err) => resolve({ code: child.exitCode, stderr: err }));
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`port ${taken} is already in use.*--port ${taken + 1}`));
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 40_000);
});
