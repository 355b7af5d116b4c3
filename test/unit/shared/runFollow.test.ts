// @vitest-environment node
/** Following a run: reconnect at once after a post, pause and give up (saying so) when nothing answers. */
import { afterEach, describe, expect, it, vi } from 'vitest';

interface FakePort {
  name: string;
  posted: unknown[];
  onMessage: { addListener(l: (m: unknown) => void): void; fire(m: unknown): void };
  onDisconnect: { addListener(l: () => void): void; fire(): void };
  disconnect(): void;
  postMessage(m: unknown): void;
}

const ports: FakePort[] = [];
function fakePort(name: string): FakePort {
  const message: ((m: unknown) => void)[] = [];
  const disconnect: (() => void)[] = [];
  const port: FakePort = {
    name,
    posted: [],
    onMessage: { addListener: (l) => void message.push(l), fire: (m) => message.forEach((l) => l(m)) },
    onDisconnect: { addListener: (l) => void disconnect.push(l), fire: () => disconnect.forEach((l) => l()) },
    disconnect: vi.fn(),
    postMessage: (m) => void port.posted.push(m),
  };
  ports.push(port);
  return port;
}

vi.mock('webextension-polyfill', () => ({ default: { runtime: { connect: ({ name }: { name: string }) => fakePort(name) } } }));
const { followRun, newerView } = await import('../../../src/shared/runFollow');

const run = (id: string, startedAt: number, rev: number, status = 'running') => ({ id, startedAt, rev, status, kind: 'resend', email: 'anna@example.com', steps: [] }) as never;

afterEach(() => {
  ports.length = 0;
  vi.useRealTimers();
});

describe('followRun', () => {
  it('asks for the customer, hands on every post, and reconnects at once when a port that posted closes', () => {
    const seen: unknown[] = [];
    const controller = new AbortController();
    followRun('anna@example.com', { onRun: (r) => seen.push(r), onLost: () => seen.push('lost') }, controller.signal);
    expect(ports).toHaveLength(1);
    expect(ports[0]!.name).toBe('run-follow');
    expect(ports[0]!.posted).toEqual([{ email: 'anna@example.com' }]);
    ports[0]!.onMessage.fire({ run: run('a', 1, 1) });
    ports[0]!.onDisconnect.fire(); // the worker was stopped
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ email: 'anna@example.com' }]);
    expect(seen).toHaveLength(1);
    controller.abort();
    expect(ports[1]!.disconnect).toHaveBeenCalled();
  });

  it('pauses between refused connections and says so when the worker never answers', () => {
    vi.useFakeTimers();
    const lost: string[] = [];
    followRun('anna@example.com', { onRun: () => undefined, onLost: (e) => lost.push(e.message, e.code) }, new AbortController().signal);
    for (let i = 0; i < 10 && lost.length === 0; i++) {
      ports.at(-1)!.onDisconnect.fire();
      vi.advanceTimersByTime(10_000);
    }
    expect(ports.length).toBe(6);
    expect(lost[0]).toMatch(/does not answer/);
    // Its own code, so the page words it in the agent's language (errorWords), not this English.
    expect(lost[1]).toBe('background-gone');
  });

  it('a refusal from the worker ends the following and is said', () => {
    const lost: string[] = [];
    followRun('anna@example.com', { onRun: () => undefined, onLost: (e) => lost.push(e.message) }, new AbortController().signal);
    ports[0]!.onMessage.fire({ error: { code: 'forbidden', message: 'A page may only act for the customer it shows.' } });
    expect(lost).toEqual(['A page may only act for the customer it shows.']);
    expect(ports).toHaveLength(1);
  });
});

describe('newerView', () => {
  it('keeps the newer state of one run and lets a newer run take over', () => {
    expect(newerView(run('a', 1, 3), run('a', 1, 2))).toMatchObject({ rev: 3 });
    expect(newerView(run('a', 1, 2), run('a', 1, 3))).toMatchObject({ rev: 3 });
    expect(newerView(run('a', 1, 9), run('b', 2, 1))).toMatchObject({ id: 'b' });
    expect(newerView(run('b', 2, 1), run('a', 1, 9))).toMatchObject({ id: 'b' });
    expect(newerView(null, null)).toBeNull();
  });
});
