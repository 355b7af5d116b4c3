// @vitest-environment node
/** The page-to-page hand-over: one tab, the first new page only, once, at most a minute. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropHandOver, handOver, HAND_OVER_MS, notePage, takeHandOver } from '../../../src/background/handOver';

const item = { kind: 'saved-password' as const, email: 'anna@example.com', password: 'Secret-123456', before: { notes: [] } };

afterEach(() => {
  dropHandOver(1);
  dropHandOver(2);
  vi.useRealTimers();
});

describe('handOver', () => {
  it('goes to the next page of the same tab, once', () => {
    handOver(1, item, 'page-a');
    expect(takeHandOver(1, 'page-a')).toBeNull(); // not to the page that handed it over
    expect(takeHandOver(2, 'page-b')).toBeNull(); // not to another tab
    expect(takeHandOver(1, 'page-b')).toEqual(item);
    expect(takeHandOver(1, 'page-b')).toBeNull();
  });

  it('is lost when the next page lets it pass', () => {
    handOver(1, item, 'page-a');
    notePage(1, 'page-b'); // e.g. a dashboard, which does not take it
    notePage(1, 'page-c');
    expect(takeHandOver(1, 'page-c')).toBeNull();
  });

  it('expires after a minute', () => {
    vi.useFakeTimers();
    handOver(1, item, 'page-a');
    vi.advanceTimersByTime(HAND_OVER_MS + 1);
    expect(takeHandOver(1, 'page-b')).toBeNull();
  });
});
